#include "epg/admin_routes.hpp"

#include <boost/json.hpp>
#include <mutex>

#include "auth/entitlement.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "epg/epg_json.hpp"
#include "http/etag.hpp"
#include "http/problem.hpp"

namespace kinora::epg {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

constexpr json::string_rule short_text{1, 200};
constexpr std::int64_t max_number = 99999;
constexpr std::string_view channel_conflict =
    "Someone else changed this channel since you loaded it; reload it and apply your change "
    "again.";

bj::object admin_json(const admin_channel& a) {
  auto o = to_json(a.ch);
  o.erase("favorite");
  o["xmltv_id"] = a.xmltv_id ? bj::value(*a.xmltv_id) : bj::value(nullptr);
  o["icon_url"] = a.icon_url ? bj::value(*a.icon_url) : bj::value(nullptr);
  return o;
}

bool xmltv_id_chars(const std::string& s) {
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
          c == '@'))
      return false;
  return true;
}

result<channel_fields> read_channel_fields(http::context& ctx, bool create) {
  KINORA_TRY(body, ctx.json_body());
  json::object_reader r(body);
  channel_fields f;
  f.number =
      create ? r.required_int("number", 1, max_number) : r.optional_int("number", 1, max_number);
  f.name = create ? r.required_string("name", {1, 100}) : r.optional_string("name", {1, 100});
  f.slug = r.optional_string("slug", {1, 120});
  f.category =
      create ? r.required_string("category", {1, 64}) : r.optional_string("category", {1, 64});
  f.description = r.optional_string("description", {0, 2000});
  auto tier = create ? r.required_enum("tier", {"basic", "standard", "premium"})
                     : r.optional_enum("tier", {"basic", "standard", "premium"});
  auto maturity = create ? r.required_enum("maturity_rating", {"all", "7+", "13+", "16+", "18+"})
                         : r.optional_enum("maturity_rating", {"all", "7+", "13+", "16+", "18+"});
  if (r.take_null("xmltv_id"))
    f.xmltv_id = std::optional<std::string>{};
  else if (auto id = r.optional_string("xmltv_id", {1, 200})) {
    if (!xmltv_id_chars(*id))
      r.add_error("xmltv_id", "may only contain letters, digits and - . _ @");
    f.xmltv_id = std::optional<std::string>{*id};
  }
  if (f.slug)
    for (char c : *f.slug)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        r.add_error("slug", "may only contain a-z, 0-9 and '-'");
        break;
      }
  if (auto st = r.finish(); !st) return st.err();
  if (tier) f.tier = auth::parse_tier(*tier);
  if (maturity) f.maturity = auth::parse_maturity(*maturity);
  return f;
}

std::optional<std::int64_t> read_time(json::object_reader& r, std::string_view key, bool required) {
  auto text = required ? r.required_string(key, {1, 64}) : r.optional_string(key, {1, 64});
  if (!text) return std::nullopt;
  const auto t = parse_rfc3339(*text);
  if (!t) r.add_error(std::string(key), "must be an RFC 3339 time, e.g. 2026-01-31T18:00:00Z");
  return t;
}

template <class T>
std::optional<std::optional<T>> nullable_field(std::optional<T> value) {
  if (value) return std::optional<T>{std::move(*value)};
  return std::nullopt;
}

// `with_channel`: the programme names its channel (single programmes), else the path does.
status read_programme_fields(const bj::object& body, bool create, bool with_channel,
                             programme_fields& f) {
  json::object_reader r(body);
  if (with_channel)
    f.channel_id = create ? r.required_int("channel_id", 1, INT64_MAX)
                          : r.optional_int("channel_id", 1, INT64_MAX);
  f.start_at = read_time(r, "start", create);
  f.end_at = read_time(r, "stop", create);
  f.title =
      create ? r.required_string("title", short_text) : r.optional_string("title", short_text);
  if (r.take_null("subtitle"))
    f.subtitle = std::optional<std::string>{};
  else
    f.subtitle = nullable_field(r.optional_string("subtitle", short_text));
  f.description = r.optional_string("description", {0, 5000});
  f.category = r.optional_string("category", {0, 64});
  for (auto [key, slot] : {std::pair{"season", &f.season}, std::pair{"episode", &f.episode}}) {
    if (r.take_null(key))
      *slot = std::optional<std::int64_t>{};
    else
      *slot = nullable_field(r.optional_int(key, 0, 100000));
  }
  if (r.take_null("title_id"))
    f.title_id = std::optional<std::int64_t>{};
  else
    f.title_id = nullable_field(r.optional_int("title_id", 1, INT64_MAX));
  if (auto rating = r.optional_enum("rating", {"all", "7+", "13+", "16+", "18+"}))
    f.rating = auth::parse_maturity(*rating);
  return r.finish();
}

// "2026-01-31" as 00:00 UTC of that day.
result<std::int64_t> read_day(std::string_view text) {
  const auto t = text.size() == 10 ? parse_rfc3339(std::string(text) + "T00:00:00Z")
                                   : std::optional<std::int64_t>{};
  if (!t)
    return fail(errc::bad_request, "The day must be a date like 2026-01-31.", "invalid-parameter");
  return *t;
}

result<std::vector<programme_fields>> read_day_items(http::context& ctx) {
  KINORA_TRY(body, ctx.json_body());
  const auto* items = body.if_contains("items");
  if (body.size() != 1 || !items || !items->is_array() || items->as_array().size() > 1000) {
    error e = fail(errc::validation, "The request body has invalid fields.");
    e.fields.push_back({"items", "must be the only field: an array of at most 1000 programmes"});
    return e;
  }
  std::vector<programme_fields> out;
  error all = fail(errc::validation, "The request body has invalid fields.");
  for (std::size_t i = 0; i < items->as_array().size(); ++i) {
    const auto& item = items->as_array()[i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      all.fields.push_back({at, "must be an object"});
      continue;
    }
    programme_fields f;
    if (auto st = read_programme_fields(item.as_object(), true, false, f); !st)
      for (const auto& fe : st.err().fields)
        all.fields.push_back({at + "." + fe.field, fe.message});
    out.push_back(std::move(f));
  }
  if (!all.fields.empty()) return all;
  return out;
}

}  // namespace

void add_admin_routes(http::router& router, epg_admin& admin, audience& viewers) {
  router.add(method::get, "/api/v1/admin/channels", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(limit, ctx.query.integer("limit", 50, 1, 200));
               KINORA_TRY(offset, ctx.query.integer("offset", 0, 0, 100000));
               const auto page = admin.channels(limit, offset);
               bj::array items;
               for (const auto& a : page.items) items.push_back(admin_json(a));
               return http::json(200, bj::object{{"items", std::move(items)},
                                                 {"total", page.total},
                                                 {"limit", page.limit},
                                                 {"offset", page.offset}});
             });

  router.add(method::post, "/api/v1/admin/channels", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(f, read_channel_fields(ctx, true));
               KINORA_TRY(a, admin.create_channel(f));
               auto res = http::json_with_etag(201, admin_json(a));
               res.set("Location", "/api/v1/admin/channels/" + std::to_string(a.ch.id));
               return res;
             });

  router.add(method::get, "/api/v1/admin/channels/{channel_id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(a, admin.channel_by_id(id));
               return http::json_with_etag(200, admin_json(a));
             });

  // If-Match: compared with the channel as stored and written while holding
  // channel_writes, so on one instance no other PATCH or DELETE of a channel lands
  // between them. Remaining window: another instance sharing the database, or an
  // import that rewrites the channel, can still slip in between.
  static std::mutex channel_writes;
  router.add(method::patch, "/api/v1/admin/channels/{channel_id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(f, read_channel_fields(ctx, false));
               std::lock_guard lock(channel_writes);
               KINORA_TRY(current, admin.channel_by_id(id));
               if (auto st = http::check_if_match(ctx.req, http::etag_of(admin_json(current)),
                                                  channel_conflict);
                   !st)
                 return st.err();
               KINORA_TRY(a, admin.update_channel(id, f));
               return http::json_with_etag(200, admin_json(a));
             });

  router.add(method::del, "/api/v1/admin/channels/{channel_id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(end_streams, ctx.query.flag("end_streams", false));
               std::lock_guard lock(channel_writes);
               KINORA_TRY(current, admin.channel_by_id(id));
               if (ctx.req.header("if-match"))
                 if (auto st = http::check_if_match(ctx.req, http::etag_of(admin_json(current)),
                                                    channel_conflict);
                     !st)
                   return st.err();
               if (auto st = clear_audience(viewers, watched::channel, id, end_streams); !st)
                 return st.err();
               if (auto st = admin.delete_channel(id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::post, "/api/v1/admin/schedule", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               programme_fields f;
               if (auto st = read_programme_fields(body, true, true, f); !st) return st.err();
               KINORA_TRY(p, admin.create_programme(f));
               auto res = http::json(201, to_json(p));
               res.set("Location", "/api/v1/admin/schedule/" + std::to_string(p.id));
               return res;
             });

  router.add(method::get, "/api/v1/admin/schedule/{id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(p, admin.programme_by_id(id));
               return http::json(200, to_json(p));
             });

  router.add(method::patch, "/api/v1/admin/schedule/{id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(body, ctx.json_body());
               programme_fields f;
               if (auto st = read_programme_fields(body, false, true, f); !st) return st.err();
               KINORA_TRY(p, admin.update_programme(id, f));
               return http::json(200, to_json(p));
             });

  router.add(method::del, "/api/v1/admin/schedule/{id}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               if (auto st = admin.delete_programme(id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::put, "/api/v1/admin/schedule/{channel_id}/days/{date}", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("channel_id"));
               KINORA_TRY(day, read_day(ctx.param("date")));
               KINORA_TRY(items, read_day_items(ctx));
               KINORA_TRY(d, admin.replace_day(id, day, std::move(items)));
               bj::array list;
               for (const auto& p : d.programmes) list.push_back(to_json(p));
               return http::json(200, bj::object{{"channel_id", d.channel_id},
                                                 {"date", format_rfc3339(d.day).substr(0, 10)},
                                                 {"items", std::move(list)}});
             });
}

}  // namespace kinora::epg
