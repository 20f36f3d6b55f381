#include "epg/epg_json.hpp"

#include <algorithm>

#include "auth/entitlement.hpp"
#include "core/time.hpp"

namespace kinora::epg {

namespace bj = boost::json;

namespace {

bj::value nullable(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return bj::value(*s);
}
bj::value nullable(const std::optional<std::int64_t>& n) {
  if (!n) return nullptr;
  return bj::value(*n);
}

}  // namespace

bj::object to_json(const channel& ch, bj::storage_ptr sp) {
  return bj::object({{"id", ch.id},
                     {"number", ch.number},
                     {"name", ch.name},
                     {"slug", ch.slug},
                     {"category", ch.category},
                     {"description", ch.description},
                     {"tier", auth::to_string(ch.tier)},
                     {"maturity_rating", auth::to_string(ch.maturity)},
                     {"logo_url", "/api/v1/epg/channels/" + std::to_string(ch.id) + "/logo.svg"},
                     {"favorite", ch.favorite}},
                    std::move(sp));
}

namespace {

// Sized for `capacity` members, so the grid's two more never rehash it.
bj::object programme_json(const programme& p, std::size_t capacity, bj::storage_ptr sp) {
  return bj::object({{"id", p.id},
                     {"channel_id", p.channel_id},
                     {"title", p.title},
                     {"subtitle", nullable(p.subtitle)},
                     {"description", p.description},
                     {"category", p.category},
                     {"season", nullable(p.season)},
                     {"episode", nullable(p.episode)},
                     {"start", format_rfc3339(p.start_at)},
                     {"stop", format_rfc3339(p.end_at)},
                     {"rating", p.rating},
                     {"title_id", nullable(p.title_id)}},
                    capacity, std::move(sp));
}

}  // namespace

bj::object to_json(const programme& p, bj::storage_ptr sp) {
  return programme_json(p, 12, std::move(sp));
}

bj::object to_json(const programme& p, const time_window& w, bj::storage_ptr sp) {
  auto o = programme_json(p, 14, std::move(sp));
  o.emplace("clipped_start", format_rfc3339(std::max(p.start_at, w.from)));
  o.emplace("clipped_stop", format_rfc3339(std::min(p.end_at, w.to)));
  return o;
}

}  // namespace kinora::epg
