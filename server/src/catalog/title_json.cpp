#include "catalog/title_json.hpp"

#include <boost/json.hpp>

#include "auth/entitlement.hpp"
#include "core/time.hpp"

namespace kinora::catalog {

namespace bj = boost::json;

namespace {

bj::array strings(const std::vector<std::string>& items) {
  bj::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

}  // namespace

bj::object to_json(const episode& e) {
  bj::object o{
      {"id", e.id},       {"season_id", e.season_id}, {"number", e.number},
      {"title", e.title}, {"synopsis", e.synopsis},   {"runtime_minutes", e.runtime_minutes}};
  if (!e.media.empty()) o["media"] = e.media;
  return o;
}

bj::object to_json(const season& s, bool with_episodes) {
  bj::object o{{"id", s.id}, {"title_id", s.title_id}, {"number", s.number}, {"name", s.name}};
  if (with_episodes) {
    bj::array eps;
    for (const auto& e : s.episodes) eps.push_back(to_json(e));
    o["episodes"] = std::move(eps);
  }
  return o;
}

bj::object to_json(const title& t, bool detail) {
  const std::string art = "/api/v1/artwork/titles/" + std::to_string(t.id);
  bj::object o{{"id", t.id},
               {"slug", t.slug},
               {"type", to_string(t.kind)},
               {"title", t.name},
               {"synopsis", t.synopsis},
               {"year", t.year},
               {"runtime_minutes", t.runtime_minutes},
               {"maturity_rating", auth::to_string(t.maturity)},
               {"tier", auth::to_string(t.tier)},
               {"genres", strings(t.genres)},
               {"cast", strings(t.cast)},
               {"director", t.director},
               {"moods", strings(t.moods)},
               {"themes", strings(t.themes)},
               {"popularity", t.popularity},
               {"featured", t.featured},
               {"added_at", format_rfc3339(t.added_at)},
               {"poster_url", art + "/poster.svg"},
               {"backdrop_url", art + "/backdrop.svg"}};
  if (detail && t.kind == title_kind::series) {
    bj::array seasons;
    for (const auto& s : t.seasons) seasons.push_back(to_json(s, true));
    o["seasons"] = std::move(seasons);
  }
  if (!t.media.empty()) o["media"] = t.media;
  return o;
}

bj::object to_json(const page<title>& p) {
  bj::array items;
  for (const auto& t : p.items) items.push_back(to_json(t, false));
  return {
      {"items", std::move(items)}, {"total", p.total}, {"limit", p.limit}, {"offset", p.offset}};
}

}  // namespace kinora::catalog
