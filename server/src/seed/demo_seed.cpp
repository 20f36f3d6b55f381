#include "seed/demo_seed.hpp"

#include <boost/json.hpp>

#include <map>
#include <random>
#include <stdexcept>

#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "catalog/catalog_writes.hpp"
#include "core/resources.hpp"
#include "epg/epg_store.hpp"

namespace kinora::seed {

namespace bj = boost::json;

namespace {

// Titles are dated against a fixed day so the data set is the same on every machine.
constexpr std::int64_t catalog_epoch = 1767225600;  // 2026-01-01T00:00:00Z

const bj::object& demo_data() {
  static const bj::object data = [] {
    const auto text = resources::find("server/src/seed/demo_catalog.json");
    if (!text) throw std::runtime_error("server/src/seed/demo_catalog.json is not embedded");
    return bj::parse(*text).as_object();
  }();
  return data;
}

std::vector<std::string> strings(const bj::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

std::string str(const bj::object& o, std::string_view key) {
  return std::string(o.at(key).as_string());
}
std::int64_t num(const bj::object& o, std::string_view key) {
  return o.at(key).to_number<std::int64_t>();
}

struct slot_template {
  std::string title, description, category, rating;
  std::int64_t minutes = 30;
  bool episodic = false;
  std::optional<std::int64_t> title_id;
};

}  // namespace

seed_report seed_catalog(storage::database& db, const clock& clk) {
  seed_report report;
  const auto& data = demo_data();
  db.transact([&](storage::connection& c) {
    if (catalog::reads::title_count(c) > 0) return;
    namespace store = catalog::writes;
    for (const auto& g : data.at("genres").as_array())
      store::insert_genre(c, str(g.as_object(), "slug"), str(g.as_object(), "name"));

    std::map<std::string, std::pair<std::int64_t, const bj::object*>> movies;
    const auto& titles = data.at("titles").as_array();
    for (std::size_t i = 0; i < titles.size(); ++i) {
      const auto& o = titles[i].as_object();
      catalog::title t;
      t.slug = str(o, "slug");
      t.kind = catalog::parse_title_kind(str(o, "type")).value();
      t.name = str(o, "title");
      t.synopsis = str(o, "synopsis");
      t.year = static_cast<int>(num(o, "year"));
      t.runtime_minutes = static_cast<int>(num(o, "runtime_minutes"));
      t.maturity = auth::parse_maturity(str(o, "maturity")).value();
      t.tier = auth::parse_tier(str(o, "tier")).value();
      t.genres = strings(o.at("genres"));
      t.cast = strings(o.at("cast"));
      t.director = str(o, "director");
      t.moods = strings(o.at("moods"));
      t.themes = strings(o.at("themes"));
      t.popularity = num(o, "popularity");
      t.featured = o.at("featured").as_bool();
      t.added_at = t.updated_at =
          catalog_epoch - static_cast<std::int64_t>(titles.size() - i) * 3 * 86400;
      t.id = store::insert_title(c, t);
      ++report.titles;
      if (t.kind == catalog::title_kind::movie) movies[t.slug] = {t.id, &o};
      if (const auto* seasons = o.if_contains("seasons")) {
        for (const auto& sv : seasons->as_array()) {
          const auto& so = sv.as_object();
          catalog::season s{0,
                            t.id,
                            static_cast<int>(num(so, "number")),
                            "Season " + std::to_string(num(so, "number")),
                            {}};
          s.id = store::insert_season(c, s);
          for (const auto& ev : so.at("episodes").as_array()) {
            const auto& eo = ev.as_object();
            store::insert_episode(
                c, {.season_id = s.id,
                    .number = static_cast<int>(num(eo, "number")),
                    .title = str(eo, "title"),
                    .synopsis = str(eo, "synopsis"),
                    .runtime_minutes = static_cast<int>(num(eo, "runtime_minutes"))});
            ++report.episodes;
          }
        }
      }
    }

    // Programme templates per channel category; movie channels may point at catalog movies.
    std::map<std::string, std::vector<slot_template>> templates;
    for (const auto& [category, list] : data.at("programmes").as_object()) {
      for (const auto& pv : list.as_array()) {
        const auto& p = pv.as_object();
        slot_template s;
        if (const auto* slug = p.if_contains("title_slug")) {
          const auto& [id, movie] = movies.at(std::string(slug->as_string()));
          s.title = str(*movie, "title");
          s.description = str(*movie, "synopsis");
          s.category = "Movie";
          s.rating = str(*movie, "maturity");
          s.minutes = (num(*movie, "runtime_minutes") + 14) / 15 * 15;
          s.title_id = id;
        } else {
          s.title = str(p, "title");
          s.description = str(p, "description");
          s.category = str(p, "category");
          s.rating = str(p, "rating");
          s.minutes = num(p, "duration_minutes");
          s.episodic = p.at("episodic").as_bool();
        }
        templates[std::string(category)].push_back(std::move(s));
      }
    }

    // Seven days of back-to-back programmes from today 00:00 UTC, no gaps, no overlaps.
    const std::int64_t day_start = clk.now_unix() / 86400 * 86400;
    const std::int64_t horizon = day_start + 7 * 86400;
    for (const auto& cv : data.at("channels").as_array()) {
      const auto& ch = cv.as_object();
      epg::channel row;
      row.number = num(ch, "number");
      row.slug = str(ch, "slug");
      row.name = str(ch, "name");
      row.category = str(ch, "category");
      row.description = str(ch, "description");
      row.tier = auth::parse_tier(str(ch, "tier")).value();
      row.maturity = auth::parse_maturity(str(ch, "maturity")).value();
      const auto maturity = row.maturity;
      const auto channel_id = epg::epg_store::insert_channel(c, row, std::nullopt, std::nullopt);
      ++report.channels;
      const auto& pool = templates.at(str(ch, "category"));
      std::mt19937 rng(static_cast<std::uint32_t>(num(ch, "number")));
      std::map<std::size_t, std::int64_t> episode_of;
      for (std::int64_t t = day_start; t < horizon;) {
        const std::size_t pick = rng() % pool.size();
        const auto& s = pool[pick];
        const auto end = std::min(t + s.minutes * 60, horizon);
        epg::programme p;
        p.channel_id = channel_id;
        p.start_at = t;
        p.end_at = end;
        p.title = s.title;
        p.description = s.description;
        p.category = s.category;
        p.rating = auth::to_string(auth::parse_maturity(s.rating).value_or(maturity));
        p.title_id = s.title_id;
        if (s.episodic) {
          const auto n = ++episode_of[pick];
          p.season = 1 + (n - 1) / 20;
          p.episode = 1 + (n - 1) % 20;
        }
        epg::epg_store::insert_programme(c, p);
        ++report.programmes;
        t = end;
      }
    }
  });
  return report;
}

std::vector<std::string> demo_channel_slugs() {
  std::vector<std::string> out;
  for (const auto& cv : demo_data().at("channels").as_array())
    out.push_back(str(cv.as_object(), "slug"));
  return out;
}

std::int64_t seed_demo_accounts(storage::database& db, auth::auth_service& auth) {
  struct demo_profile {
    const char* name;
    bool kids;
  };
  struct demo_account {
    const char* email;
    const char* password;
    auth::tier tier;
    bool admin;
    std::vector<demo_profile> profiles;
  };
  const std::vector<demo_account> accounts{
      {"admin@ott.test", "admin123", auth::tier::premium, true, {{"Admin", false}, {"Kids", true}}},
      {"basic@ott.test", "test123", auth::tier::basic, false, {{"Basic User", false}}},
      {"standard@ott.test",
       "test123",
       auth::tier::standard,
       false,
       {{"Standard User", false}, {"Family", false}}},
      {"premium@ott.test",
       "test123",
       auth::tier::premium,
       false,
       {{"Premium User", false}, {"Partner", false}, {"Kids", true}}},
      {"demo@ott.test", "demo123", auth::tier::premium, false, {{"Demo User", false}}},
  };
  std::int64_t created = 0;
  for (const auto& a : accounts) {
    {
      auto c = db.acquire();
      if (!c->query("SELECT 1 FROM accounts WHERE email = $1", {std::string(a.email)}).empty())
        continue;
    }
    std::vector<auth::profile> profiles;
    for (const auto& p : a.profiles) {
      auth::profile prof;
      prof.name = p.name;
      prof.kids = p.kids;
      prof.ceiling = p.kids ? auth::maturity::age7 : auth::maturity::age18;
      profiles.push_back(prof);
    }
    auth.create_account_with_profiles({a.email, a.password, a.tier, a.admin}, profiles);
    ++created;
  }
  return created;
}

}  // namespace kinora::seed
