#include "stats/stats_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/time.hpp"
#include "http/problem.hpp"
#include "stats/dashboard.hpp"

namespace kinora::stats {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::object to_json(const counts& c) {
  bj::object out;
  for (const auto& [key, n] : c) out[key] = n;
  return out;
}

bj::value timestamp(const std::optional<std::int64_t>& t) {
  return t ? bj::value(format_rfc3339(*t)) : bj::value(nullptr);
}

bj::object to_json(const dashboard& d) {
  bj::array channels;
  for (const auto& ch : d.channels) {
    const double days_ahead =
        ch.scheduled_until
            ? std::max<double>(0,
                               static_cast<double>(*ch.scheduled_until - d.generated_at) / 86400.0)
            : 0;
    channels.push_back(bj::object{{"id", ch.id},
                                  {"number", ch.number},
                                  {"name", ch.name},
                                  {"scheduled_until", timestamp(ch.scheduled_until)},
                                  {"days_ahead", std::round(days_ahead * 10) / 10},
                                  {"gaps", ch.gaps}});
  }
  bj::array per_day;
  for (const auto& p : d.plays_per_day)
    per_day.push_back(
        bj::object{{"date", format_rfc3339(p.day_start).substr(0, 10)}, {"plays", p.plays}});
  bj::array top;
  for (const auto& t : d.most_played)
    top.push_back(bj::object{{"id", t.id}, {"title", t.title}, {"plays", t.plays}});
  bj::array jobs;
  for (const auto& j : d.recent_media_jobs)
    jobs.push_back(bj::object{{"id", j.id},
                              {"status", j.status},
                              {"progress", j.progress},
                              {"title_id", j.title_id},
                              {"title", j.title},
                              {"error", j.error ? bj::value(*j.error) : bj::value(nullptr)},
                              {"updated_at", format_rfc3339(j.updated_at)}});
  return {{"generated_at", format_rfc3339(d.generated_at)},
          {"titles", bj::object{{"total", d.titles},
                                {"by_type", to_json(d.titles_by_type)},
                                {"by_tier", to_json(d.titles_by_tier)},
                                {"by_rating", to_json(d.titles_by_rating)},
                                {"without_media", d.titles_without_media},
                                {"without_embedding", d.titles_without_embedding}}},
          {"accounts", bj::object{{"total", d.accounts}, {"by_tier", to_json(d.accounts_by_tier)}}},
          {"watching_now", d.watching_now},
          {"channels", std::move(channels)},
          {"plays_per_day", std::move(per_day)},
          {"most_played", std::move(top)},
          {"recent_media_jobs", std::move(jobs)}};
}

}  // namespace

void add_routes(http::router& router, storage::database& db, const clock& clk) {
  router.add(method::get, "/api/v1/admin/stats", access::admin,
             [&](http::context&) -> result<http::response> {
               auto conn = db.acquire();
               return http::json(200, to_json(collect_dashboard(*conn, clk.now_unix())));
             });
}

}  // namespace kinora::stats
