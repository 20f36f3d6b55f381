#include "viewing/viewing_routes.hpp"

#include <boost/json.hpp>

#include "catalog/title_json.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::viewing {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::value to_json(const std::optional<catalog::episode_ref>& e) {
  if (!e) return nullptr;
  return bj::object{{"id", e->id},
                    {"season_number", e->season_number},
                    {"number", e->number},
                    {"title", e->title},
                    {"runtime_minutes", e->runtime_minutes}};
}

double progress(int position, int duration) {
  return duration > 0 ? std::min(1.0, static_cast<double>(position) / duration) : 0.0;
}

bj::object to_json(const history_item& h) {
  const auto& b = h.mark;
  return {{"title", catalog::to_json(h.title, false)},
          {"episode", to_json(h.episode)},
          {"position_seconds", b.position_seconds},
          {"duration_seconds", b.duration_seconds},
          {"progress", progress(b.position_seconds, b.duration_seconds)},
          {"completed", b.completed},
          {"watched_seconds", b.watched_seconds},
          {"first_watched_at", format_rfc3339(b.first_watched_at)},
          {"updated_at", format_rfc3339(b.updated_at)}};
}

bj::object to_json(const continue_item& c) {
  return {{"title", catalog::to_json(c.title, false)},
          {"episode", to_json(c.episode)},
          {"position_seconds", c.position_seconds},
          {"duration_seconds", c.duration_seconds},
          {"progress", progress(c.position_seconds, c.duration_seconds)},
          {"up_next", c.up_next},
          {"updated_at", format_rfc3339(c.updated_at)}};
}

template <class Item, class Fn>
bj::object items(const std::vector<Item>& list, Fn&& render) {
  bj::array out;
  for (const auto& i : list) out.push_back(render(i));
  return {{"items", std::move(out)}};
}

}  // namespace

void add_routes(http::router& router, viewing_service& service) {
  router.add(method::get, "/api/v1/viewing/continue-watching", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(limit, ctx.query.integer("limit", 20, 1, 100));
               return http::json(200, items(service.continue_watching(ctx.who(), limit),
                                            [](const continue_item& c) { return to_json(c); }));
             });

  router.add(method::del, "/api/v1/viewing/continue-watching/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               if (auto st = service.dismiss(ctx.who(), id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::get, "/api/v1/viewing/bookmarks/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               KINORA_TRY(entry, service.resume_point(ctx.who(), id));
               return http::json(200, to_json(entry));
             });

  router.add(method::put, "/api/v1/viewing/bookmarks/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto position = r.required_int("position_seconds", 0, 24 * 3600);
               auto episode = r.optional_int("episode_id", 1, INT64_MAX);
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(entry, service.save_position(ctx.who(), id, episode,
                                                       static_cast<int>(*position)));
               return http::json(200, to_json(entry));
             });

  router.add(method::get, "/api/v1/viewing/history", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(limit, ctx.query.integer("limit", 20, 1, 100));
               KINORA_TRY(offset, ctx.query.integer("offset", 0, 0, 100000));
               const auto page = service.history(ctx.who(), limit, offset);
               auto body = items(page.items, [](const history_item& h) { return to_json(h); });
               body["total"] = page.total;
               body["limit"] = page.limit;
               body["offset"] = page.offset;
               return http::json(200, body);
             });

  router.add(method::get, "/api/v1/viewing/ratings", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               return http::json(200, items(service.ratings(ctx.who()), [](const rating_item& r) {
                                   return bj::object{{"title", catalog::to_json(r.title, false)},
                                                     {"rating", to_string(r.value)},
                                                     {"updated_at", format_rfc3339(r.updated_at)}};
                                 }));
             });

  router.add(method::put, "/api/v1/viewing/ratings/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto value = r.required_enum("rating", {"down", "up", "love"});
               if (auto st = r.finish(); !st) return st.err();
               if (auto st = service.rate(ctx.who(), id, *parse_rating(*value)); !st)
                 return st.err();
               return http::no_content();
             });

  router.add(method::del, "/api/v1/viewing/ratings/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               if (auto st = service.unrate(ctx.who(), id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::get, "/api/v1/viewing/watchlist", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               return http::json(200,
                                 items(service.watchlist(ctx.who()), [](const watchlist_item& w) {
                                   return bj::object{{"title", catalog::to_json(w.title, false)},
                                                     {"added_at", format_rfc3339(w.added_at)}};
                                 }));
             });

  router.add(method::put, "/api/v1/viewing/watchlist/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               KINORA_TRY(added, service.add_to_watchlist(ctx.who(), id));
               (void)added;  // PUT is idempotent: the same answer either way
               return http::no_content();
             });

  router.add(method::del, "/api/v1/viewing/watchlist/{title_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("title_id"));
               if (auto st = service.remove_from_watchlist(ctx.who(), id); !st) return st.err();
               return http::no_content();
             });
}

}  // namespace kinora::viewing
