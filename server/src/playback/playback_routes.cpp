#include "playback/playback_routes.hpp"

#include <boost/json.hpp>

#include "core/json.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::playback {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::object to_json(const playback_session& s, const playback_settings& settings) {
  const auto id_or_null = [](std::int64_t id) { return id ? bj::value(id) : bj::value(nullptr); };
  return {{"id", s.id},
          {"title_id", id_or_null(s.title_id)},
          {"episode_id", id_or_null(s.episode_id)},
          {"channel_id", id_or_null(s.channel_id)},
          {"programme_id", id_or_null(s.programme_id)},
          {"asset_id", s.asset_id},
          {"profile_id", s.profile_id},
          {"position_seconds", s.position_seconds},
          {"duration_seconds", s.duration_seconds},
          {"started_at", format_rfc3339(s.started_at)},
          {"last_heartbeat_at", format_rfc3339(s.last_heartbeat)},
          {"expires_at", format_rfc3339(s.expires_at)},
          {"heartbeat_interval_seconds", std::max<std::int64_t>(settings.session_timeout / 3, 1)}};
}

// A session id is 22 base64url characters; anything else cannot name one.
result<std::string> session_id(const http::context& ctx) {
  const auto id = ctx.param("id");
  bool ok = id.size() == 22;
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (!ok) return fail(errc::not_found, "No playback session " + std::string(id) + ".");
  return std::string(id);
}

bj::object to_json(const started_session& started, const playback_settings& settings) {
  auto out = to_json(started.session, settings);
  out["manifest_url"] = started.manifest_url;
  out["key_url"] = started.key_url.empty() ? bj::value(nullptr) : bj::value(started.key_url);
  out["urls_expire_at"] = format_rfc3339(started.urls_expire_at);
  out["resume_position_seconds"] = started.session.position_seconds;
  return out;
}

}  // namespace

void add_routes(http::router& router, playback_service& service) {
  router.add(method::post, "/api/v1/playback/sessions", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               // A title (and episode), or a channel (and a programme to start over);
               // finish() refuses fields of the other kind.
               const bool for_channel = r.has("channel_id");
               const auto none = std::optional<std::int64_t>();
               auto title = for_channel ? none : r.required_int("title_id", 1, INT64_MAX);
               auto episode = for_channel ? none : r.optional_int("episode_id", 1, INT64_MAX);
               auto channel = for_channel ? r.required_int("channel_id", 1, INT64_MAX) : none;
               auto programme = for_channel ? r.optional_int("programme_id", 1, INT64_MAX) : none;
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(started, for_channel
                                       ? service.start_channel(ctx.who(), *channel, programme)
                                       : service.start(ctx.who(), *title, episode));
               auto res = http::json(201, to_json(started, service.settings()));
               res.set("Location", "/api/v1/playback/sessions/" + started.session.id);
               return res;
             });

  router.add(method::post, "/api/v1/admin/playback/preview", access::admin,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto title = r.required_int("title_id", 1, INT64_MAX);
               auto episode = r.optional_int("episode_id", 1, INT64_MAX);
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(started, service.start_preview(ctx.who(), *title, episode));
               return http::json(201, to_json(started, service.settings()));
             });

  router.add(method::get, "/api/v1/playback/sessions", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               bj::array items;
               for (const auto& s : service.live_sessions(ctx.who()))
                 items.push_back(to_json(s, service.settings()));
               return http::json(200,
                                 bj::object{{"items", std::move(items)},
                                            {"limit", auth::concurrent_streams(ctx.who().tier)}});
             });

  router.add(method::put, "/api/v1/playback/sessions/{id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, session_id(ctx));
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto position = r.required_int("position_seconds", 0, 24 * 3600);
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(s, service.heartbeat(ctx.who(), id, static_cast<int>(*position)));
               return http::json(200, to_json(s, service.settings()));
             });

  router.add(method::del, "/api/v1/playback/sessions/{id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, session_id(ctx));
               KINORA_TRY(position, ctx.query.optional_integer("position_seconds", 0, 24 * 3600));
               if (auto st = service.end(
                       ctx.who(), id,
                       position ? std::optional<int>(static_cast<int>(*position)) : std::nullopt);
                   !st)
                 return st.err();
               return http::no_content();
             });
}

}  // namespace kinora::playback
