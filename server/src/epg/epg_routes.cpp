#include "epg/epg_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "auth/entitlement.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "epg/channel_logo.hpp"
#include "epg/epg_json.hpp"
#include "http/problem.hpp"

namespace kinora::epg {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

constexpr std::int64_t default_limit = 50;
constexpr std::int64_t max_limit = 200;
constexpr std::int64_t max_offset = 100000;
// 9999-12-31T23:59:59Z: what RFC 3339 can write.
constexpr std::int64_t max_unix_seconds = 253402300799;

error bad_time(std::string_view name) {
  const std::string message =
      "must be an RFC 3339 time (e.g. 2026-01-31T18:00:00Z) or unix seconds";
  error e = fail(errc::bad_request, "Query parameter '" + std::string(name) + "' " + message + ".",
                 "invalid-parameter");
  e.fields.push_back({std::string(name), message});
  return e;
}

// RFC 3339 with an offset, or unix seconds. An unescaped '+' of an offset arrives as a
// space (form encoding), so a space where the offset starts counts as '+'.
result<std::optional<std::int64_t>> read_time(const http::query_params& q, std::string_view name) {
  const auto raw = q.get(name);
  if (!raw) return std::optional<std::int64_t>{};
  const bool digits = !raw->empty() && std::all_of(raw->begin(), raw->end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  if (digits) {
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), n);
    if (ec != std::errc{} || ptr != raw->data() + raw->size() || n > max_unix_seconds)
      return bad_time(name);
    return std::optional<std::int64_t>{n};
  }
  std::string text(*raw);
  if (const auto space = text.find(' ', 19); space != std::string::npos) text[space] = '+';
  const auto t = parse_rfc3339(text);
  if (!t) return bad_time(name);
  return std::optional<std::int64_t>{*t};
}

result<channel_query> read_channel_query(const http::query_params& q) {
  KINORA_TRY(category, q.text("category", 64));
  KINORA_TRY(favorites, q.one_of("favorites", {"first", "only"}));
  KINORA_TRY(limit, q.integer("limit", default_limit, 1, max_limit));
  KINORA_TRY(offset, q.integer("offset", 0, 0, max_offset));
  channel_query out;
  out.category = std::move(category);
  if (favorites)
    out.favorites = *favorites == "only" ? favorites_mode::only : favorites_mode::first;
  out.limit = limit;
  out.offset = offset;
  return out;
}

bj::value optional_programme(const std::optional<programme>& p) {
  if (!p) return nullptr;
  return to_json(*p);
}

template <class T>
void add_paging(bj::object& body, const channel_page<T>& page) {
  body["total"] = page.total;
  body["limit"] = page.limit;
  body["offset"] = page.offset;
}

bj::object favorites_json(const std::vector<favorite>& list) {
  bj::array items;
  for (const auto& f : list)
    items.push_back({{"position", f.position},
                     {"added_at", format_rfc3339(f.added_at)},
                     {"channel", to_json(f.ch)}});
  return {{"items", std::move(items)}};
}

http::response svg(std::string body) {
  http::response r;
  r.body = std::move(body);
  r.set("Content-Type", "image/svg+xml");
  r.set("Cache-Control", "public, max-age=86400");
  return r;
}

}  // namespace

result<window_request> read_window(const http::query_params& q) {
  KINORA_TRY(from, read_time(q, "from"));
  KINORA_TRY(to, read_time(q, "to"));
  return window_request{from, to};
}

void add_routes(http::router& router, epg_service& service) {
  router.add(method::get, "/api/v1/epg/channels", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(q, read_channel_query(ctx.query));
               const auto page = service.channels(ctx.who(), q);
               bj::array items;
               for (const auto& ch : page.items) items.push_back(to_json(ch));
               bj::object body{{"items", std::move(items)}};
               add_paging(body, page);
               return http::json(200, body);
             });

  router.add(method::get, "/api/v1/epg/channels/{channel_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(ch, service.find_channel(ctx.who(), id));
               return http::json(200, to_json(ch));
             });

  // Logos are public like title artwork (an <img> sends no token) and show nothing a
  // channel list would not.
  router.add(method::get, "/api/v1/epg/channels/{channel_id}/logo.svg", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(ch, service.any_channel(id));
               return svg(logo_svg(ch));
             });

  router.add(method::get, "/api/v1/epg/groups", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               bj::array items;
               for (const auto& g : service.groups(ctx.who())) {
                 bj::array ids;
                 for (auto id : g.channel_ids) ids.push_back(id);
                 items.push_back({{"id", g.id},
                                  {"name", g.name},
                                  {"kind", g.kind},
                                  {"count", static_cast<std::int64_t>(g.channel_ids.size())},
                                  {"channel_ids", std::move(ids)}});
               }
               return http::json(200, bj::object{{"items", std::move(items)}});
             });

  router.add(method::get, "/api/v1/epg/favorites", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               return http::json(200, favorites_json(service.favorites(ctx.who())));
             });

  router.add(method::put, "/api/v1/epg/favorites/{channel_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               std::optional<std::int64_t> position;
               // The body is optional: without one the channel is appended.
               if (!ctx.req.body.empty()) {
                 KINORA_TRY(body, ctx.json_body());
                 json::object_reader r(body);
                 position = r.optional_int("position", 0, max_offset);
                 if (auto st = r.finish(); !st) return st.err();
               }
               KINORA_TRY(list, service.put_favorite(ctx.who(), id, position));
               return http::json(200, favorites_json(list));
             });

  router.add(method::del, "/api/v1/epg/favorites/{channel_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               if (auto st = service.remove_favorite(ctx.who(), id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::get, "/api/v1/epg/schedule/{channel_id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(w, read_window(ctx.query));
               KINORA_TRY(s, service.channel_schedule(ctx.who(), id, w));
               bj::array items;
               for (const auto& p : s.programmes) items.push_back(to_json(p));
               return http::json(200, bj::object{{"channel", to_json(s.ch)},
                                                 {"from", format_rfc3339(s.window.from)},
                                                 {"to", format_rfc3339(s.window.to)},
                                                 {"items", std::move(items)}});
             });

  router.add(method::get, "/api/v1/epg/grid", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(w, read_window(ctx.query));
               KINORA_TRY(q, read_channel_query(ctx.query));
               KINORA_TRY(g, service.channel_grid(ctx.who(), w, q));
               // The guide's largest document: its tree lives in one arena, freed at once,
               // rather than costing a malloc and a free per member.
               const auto arena = bj::make_shared_resource<bj::monotonic_resource>();
               bj::array rows(arena);
               rows.reserve(g.page.items.size());
               for (const auto& row : g.page.items) {
                 bj::array programmes(arena);
                 programmes.reserve(row.programmes.size());
                 for (const auto& p : row.programmes)
                   programmes.push_back(to_json(p, g.window, arena));
                 bj::object cell(arena);
                 cell.emplace("channel", to_json(row.ch, arena));
                 cell.emplace("programmes", std::move(programmes));
                 rows.push_back(std::move(cell));
               }
               bj::object body(
                   {{"from", format_rfc3339(g.window.from)}, {"to", format_rfc3339(g.window.to)}},
                   6, arena);
               body.emplace("items", std::move(rows));
               add_paging(body, g.page);
               return http::json(200, bj::value(std::move(body)));
             });

  router.add(method::get, "/api/v1/epg/now", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(q, read_channel_query(ctx.query));
               const auto playing = service.on_now(ctx.who(), q);
               bj::array rows;
               for (const auto& row : playing.page.items)
                 rows.push_back({{"channel", to_json(row.ch)},
                                 {"now", optional_programme(row.now)},
                                 {"next", optional_programme(row.next)}});
               bj::object body{{"at", format_rfc3339(playing.at)}, {"items", std::move(rows)}};
               add_paging(body, playing.page);
               return http::json(200, body);
             });
}

}  // namespace kinora::epg
