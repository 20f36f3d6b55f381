#include "catalog/catalog_routes.hpp"

#include <boost/json.hpp>
#include <mutex>

#include "auth/entitlement.hpp"
#include "catalog/artwork.hpp"
#include "catalog/title_json.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "http/etag.hpp"
#include "http/problem.hpp"

namespace kinora::catalog {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

constexpr std::int64_t max_limit = 100;
constexpr std::int64_t max_offset = 100000;
constexpr std::string_view title_conflict =
    "Someone else changed this title since you loaded it; reload it and apply your change again.";

result<title_query> read_title_query(const http::query_params& q, bool admin = false) {
  title_query out;
  if (admin) {
    KINORA_TRY(media, q.one_of("media", {"none", "processing", "failed", "partial", "ready"}));
    KINORA_TRY(embedding, q.one_of("embedding", {"missing", "stale", "current"}));
    out.media = media;
    out.embedding = embedding;
  }
  KINORA_TRY(genre, q.text("genre", 64));
  KINORA_TRY(kind, q.one_of("type", {"movie", "series"}));
  KINORA_TRY(year_from, q.optional_integer("year_from", 1800, 2200));
  KINORA_TRY(year_to, q.optional_integer("year_to", 1800, 2200));
  KINORA_TRY(maturity, q.one_of("maturity", {"all", "7+", "13+", "16+", "18+"}));
  KINORA_TRY(sort, q.one_of("sort", {"title", "year", "added", "popularity"}));
  KINORA_TRY(order, q.one_of("order", {"asc", "desc"}));
  KINORA_TRY(limit, q.integer("limit", 20, 1, max_limit));
  KINORA_TRY(offset, q.integer("offset", 0, 0, max_offset));
  if (year_from && year_to && *year_from > *year_to)
    return fail(errc::bad_request, "year_from must not be after year_to.", "invalid-parameter");
  out.genre = genre;
  if (kind) out.kind = parse_title_kind(*kind);
  out.year_from = year_from;
  out.year_to = year_to;
  if (maturity) out.max_maturity = auth::parse_maturity(*maturity);
  const std::string s = sort.value_or("popularity");
  out.sort = s == "title"   ? sort_key::title
             : s == "year"  ? sort_key::year
             : s == "added" ? sort_key::added
                            : sort_key::popularity;
  // Titles read A to Z by default; numbers and dates newest or highest first.
  out.descending = order ? *order == "desc" : out.sort != sort_key::title;
  out.limit = limit;
  out.offset = offset;
  return out;
}

constexpr json::string_rule short_text{1, 200};
constexpr json::string_rule long_text{1, 5000};

result<title_input> read_title_input(http::context& ctx, bool create) {
  KINORA_TRY(body, ctx.json_body());
  json::object_reader r(body);
  title_input in;
  in.slug = r.optional_string("slug", {1, 120});
  auto kind = create ? r.required_enum("type", {"movie", "series"})
                     : r.optional_enum("type", {"movie", "series"});
  in.name =
      create ? r.required_string("title", short_text) : r.optional_string("title", short_text);
  in.synopsis =
      create ? r.required_string("synopsis", long_text) : r.optional_string("synopsis", long_text);
  in.year = create ? r.required_int("year", 1880, 2100) : r.optional_int("year", 1880, 2100);
  in.runtime_minutes = create ? r.required_int("runtime_minutes", 1, 1000)
                              : r.optional_int("runtime_minutes", 1, 1000);
  auto maturity = create ? r.required_enum("maturity_rating", {"all", "7+", "13+", "16+", "18+"})
                         : r.optional_enum("maturity_rating", {"all", "7+", "13+", "16+", "18+"});
  auto tier = create ? r.required_enum("tier", {"basic", "standard", "premium"})
                     : r.optional_enum("tier", {"basic", "standard", "premium"});
  in.genres = r.optional_strings("genres", 12, {1, 64});
  in.cast = r.optional_strings("cast", 50, short_text);
  in.director = r.optional_string("director", {0, 200});
  in.moods = r.optional_strings("moods", 20, {1, 64});
  in.themes = r.optional_strings("themes", 20, {1, 64});
  in.popularity = r.optional_int("popularity", 0, 1000000);
  in.featured = r.optional_bool("featured");
  if (in.slug && !in.slug->empty()) {
    for (char c : *in.slug)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        r.add_error("slug", "may only contain a-z, 0-9 and '-'");
        break;
      }
  }
  if (auto st = r.finish(); !st) return st.err();
  if (kind) in.kind = parse_title_kind(*kind);
  if (maturity) in.maturity = auth::parse_maturity(*maturity);
  if (tier) in.tier = auth::parse_tier(*tier);
  return in;
}

result<season_input> read_season_input(http::context& ctx, bool create) {
  KINORA_TRY(body, ctx.json_body());
  json::object_reader r(body);
  season_input in;
  in.number = create ? r.required_int("number", 0, 1000) : r.optional_int("number", 0, 1000);
  in.name = r.optional_string("name", short_text);
  if (auto st = r.finish(); !st) return st.err();
  return in;
}

result<episode_input> read_episode_input(http::context& ctx, bool create) {
  KINORA_TRY(body, ctx.json_body());
  json::object_reader r(body);
  episode_input in;
  in.number = create ? r.required_int("number", 0, 10000) : r.optional_int("number", 0, 10000);
  in.title =
      create ? r.required_string("title", short_text) : r.optional_string("title", short_text);
  in.synopsis = r.optional_string("synopsis", {0, 5000});
  in.runtime_minutes = create ? r.required_int("runtime_minutes", 1, 1000)
                              : r.optional_int("runtime_minutes", 1, 1000);
  if (auto st = r.finish(); !st) return st.err();
  return in;
}

// The cache key: what the profile may see plus the route and its raw query.
std::string cache_key(const http::context& ctx) {
  const auto f = auth::filter_for(ctx.who());
  return std::to_string(f.max_tier_rank) + ":" + std::to_string(f.max_maturity_rank) + " " +
         ctx.req.path + "?" + ctx.req.query;
}

http::response json_page(std::string body) {
  http::response res;
  res.set("Content-Type", "application/json");
  res.set("Cache-Control", "private, no-cache");
  res.body = std::move(body);
  return res;
}

// The cached page alone: what the I/O thread answers without a hop to a worker. The key is
// the raw query, so a page in the cache had a valid query when it was rendered.
http::at_once_handler from_cache(response_cache& cache) {
  return [&cache](const http::context& ctx) -> std::optional<http::response> {
    if (auto page = cache.find(cache_key(ctx))) return json_page(std::move(page->body));
    return std::nullopt;
  };
}

// Serves a rendered page from the cache, or renders, stores and serves it. `total` is the
// page's item count, rendered or remembered.
template <class Render>
result<http::response> cached(response_cache& cache, const http::context& ctx, Render&& render,
                              std::int64_t* total = nullptr) {
  const std::string key = cache_key(ctx);
  if (auto page = cache.find(key)) {
    if (total) *total = page->total;
    return json_page(std::move(page->body));
  }
  const auto generation = cache.generation();
  result<bj::object> rendered = render();
  if (!rendered) return std::move(rendered).err();
  http::response res = json_page(bj::serialize(*rendered));
  std::int64_t count = 0;
  if (const auto* t = rendered->if_contains("total"); t && t->is_int64()) count = t->as_int64();
  if (total) *total = count;
  cache.store(key, {res.body, count}, generation);
  return res;
}

// Admin writes change what viewers see: drop every cached page.
template <class Handler>
auto clearing(response_cache& cache, Handler handler) {
  return [&cache, handler](http::context& ctx) -> result<http::response> {
    auto res = handler(ctx);
    if (res) cache.clear();
    return res;
  };
}

bj::object to_json(const page<admin_title>& p) {
  bj::array items;
  for (const auto& a : p.items) {
    auto item = to_json(a.t, false);
    bj::object media{{"status", a.status.media}};
    if (a.t.kind == title_kind::series) {
      media["episodes"] = a.status.episodes;
      media["episodes_with_media"] = a.status.episodes_with_media;
    }
    item["media"] = std::move(media);
    item["embedding"] = a.status.embedding;
    items.push_back(std::move(item));
  }
  return {
      {"items", std::move(items)}, {"total", p.total}, {"limit", p.limit}, {"offset", p.offset}};
}

http::response svg(std::string body) {
  http::response r;
  r.body = std::move(body);
  r.set("Content-Type", "image/svg+xml");
  r.set("Cache-Control", "public, max-age=86400");
  return r;
}

}  // namespace

void add_routes(http::router& router, catalog_service& service, response_cache& cache,
                search_log& searches, audience& viewers) {
  router.add(
      method::get, "/api/v1/catalog/titles", access::signed_in,
      [&](http::context& ctx) -> result<http::response> {
        KINORA_TRY(q, read_title_query(ctx.query));
        return cached(cache, ctx,
                      [&]() -> result<bj::object> { return to_json(service.list(ctx.who(), q)); });
      },
      from_cache(cache));

  router.add(
      method::get, "/api/v1/catalog/titles/{id}", access::signed_in,
      [&](http::context& ctx) -> result<http::response> {
        KINORA_TRY(id, ctx.id("id"));
        return cached(cache, ctx, [&]() -> result<bj::object> {
          KINORA_TRY(t, service.get(ctx.who(), id));
          return to_json(t, true);
        });
      },
      from_cache(cache));

  router.add(method::get, "/api/v1/catalog/search", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(q, ctx.query.text("q", 200));
               if (!q)
                 return fail(errc::bad_request, "Query parameter 'q' is required.",
                             "invalid-parameter");
               KINORA_TRY(limit, ctx.query.integer("limit", 20, 1, max_limit));
               KINORA_TRY(offset, ctx.query.integer("offset", 0, 0, max_offset));
               std::int64_t found = 0;
               auto res = cached(
                   cache, ctx,
                   [&]() -> result<bj::object> {
                     KINORA_TRY(p, service.search(ctx.who(), *q, limit, offset));
                     auto body = to_json(p);
                     body["query"] = *q;
                     return body;
                   },
                   &found);
               if (res && offset == 0) searches.record(ctx.who(), *q, found);
               return res;
             });

  router.add(
      method::get, "/api/v1/catalog/genres", access::signed_in,
      [&](http::context& ctx) -> result<http::response> {
        return cached(cache, ctx, [&]() -> result<bj::object> {
          bj::array items;
          for (const auto& g : service.genres(ctx.who()))
            items.push_back(
                {{"id", g.id}, {"slug", g.slug}, {"name", g.name}, {"title_count", g.title_count}});
          return bj::object{{"items", std::move(items)}};
        });
      },
      from_cache(cache));

  router.add(
      method::get, "/api/v1/catalog/featured", access::signed_in,
      [&](http::context& ctx) -> result<http::response> {
        KINORA_TRY(limit, ctx.query.integer("limit", 10, 1, 50));
        return cached(cache, ctx, [&]() -> result<bj::object> {
          bj::array items;
          for (const auto& t : service.featured(ctx.who(), limit))
            items.push_back(to_json(t, false));
          return bj::object{{"items", std::move(items)}};
        });
      },
      from_cache(cache));

  // Artwork is public (an <img> sends no token) and says nothing a title page wouldn't.
  router.add(method::get, "/api/v1/artwork/titles/{id}/{kind}", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               const auto kind = ctx.param("kind");
               if (kind != "poster.svg" && kind != "backdrop.svg")
                 return fail(errc::not_found, "Artwork comes as poster.svg or backdrop.svg.");
               KINORA_TRY(t, service.admin_get(id));
               return svg(kind == "poster.svg" ? poster_svg(t) : backdrop_svg(t));
             });

  // Admin
  router.add(method::get, "/api/v1/admin/titles", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(q, read_title_query(ctx.query, true));
               return http::json(200, to_json(service.admin_list(q)));
             });
  router.add(method::post, "/api/v1/admin/titles", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(in, read_title_input(ctx, true));
               KINORA_TRY(t, service.create_title(in));
               auto res = http::json_with_etag(201, to_json(t, true));
               res.set("Location", "/api/v1/admin/titles/" + std::to_string(t.id));
               return res;
             }));
  router.add(method::get, "/api/v1/admin/titles/{id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(t, service.admin_get(id));
               return http::json_with_etag(200, to_json(t, true));
             });
  // If-Match: the ETag is compared with the title as stored and the write made while
  // holding title_writes, so on one instance no other PATCH or DELETE of a title can
  // land between them. Remaining window: another instance sharing the database, or a
  // season/episode write that changes the title's JSON, can still slip in between.
  static std::mutex title_writes;
  router.add(method::patch, "/api/v1/admin/titles/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(in, read_title_input(ctx, false));
               std::lock_guard lock(title_writes);
               KINORA_TRY(current, service.admin_get(id));
               if (auto st = http::check_if_match(ctx.req, http::etag_of(to_json(current, true)),
                                                  title_conflict);
                   !st)
                 return st.err();
               KINORA_TRY(t, service.update_title(id, in));
               return http::json_with_etag(200, to_json(t, true));
             }));
  router.add(method::del, "/api/v1/admin/titles/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(end_streams, ctx.query.flag("end_streams", false));
               std::lock_guard lock(title_writes);
               KINORA_TRY(current, service.admin_get(id));
               if (ctx.req.header("if-match"))
                 if (auto st = http::check_if_match(ctx.req, http::etag_of(to_json(current, true)),
                                                    title_conflict);
                     !st)
                   return st.err();
               if (auto st = clear_audience(viewers, watched::title, id, end_streams); !st)
                 return st.err();
               if (auto st = service.delete_title(id); !st) return st.err();
               return http::no_content();
             }));
  router.add(method::post, "/api/v1/admin/titles/{id}/seasons", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(in, read_season_input(ctx, true));
               KINORA_TRY(s, service.create_season(id, in));
               auto res = http::json(201, to_json(s, false));
               res.set("Location", "/api/v1/admin/seasons/" + std::to_string(s.id));
               return res;
             }));
  router.add(method::patch, "/api/v1/admin/seasons/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(in, read_season_input(ctx, false));
               KINORA_TRY(s, service.update_season(id, in));
               return http::json(200, to_json(s, false));
             }));
  router.add(method::del, "/api/v1/admin/seasons/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               if (auto st = service.delete_season(id); !st) return st.err();
               return http::no_content();
             }));
  router.add(method::post, "/api/v1/admin/seasons/{id}/episodes", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(in, read_episode_input(ctx, true));
               KINORA_TRY(e, service.create_episode(id, in));
               auto res = http::json(201, to_json(e));
               res.set("Location", "/api/v1/admin/episodes/" + std::to_string(e.id));
               return res;
             }));
  router.add(method::patch, "/api/v1/admin/episodes/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(in, read_episode_input(ctx, false));
               KINORA_TRY(e, service.update_episode(id, in));
               return http::json(200, to_json(e));
             }));
  router.add(method::del, "/api/v1/admin/episodes/{id}", access::admin,
             clearing(cache, [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               if (auto st = service.delete_episode(id); !st) return st.err();
               return http::no_content();
             }));
}

}  // namespace kinora::catalog
