#include "accounts/accounts_routes.hpp"

#include <boost/json.hpp>

#include "accounts/account_admin.hpp"
#include "auth/account_store.hpp"
#include "auth/entitlement.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::accounts {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::value timestamp(const std::optional<std::int64_t>& t) {
  return t ? bj::value(format_rfc3339(*t)) : bj::value(nullptr);
}

bj::object to_json(const summary& s, std::size_t live_streams) {
  return {{"id", s.id},
          {"email", s.email},
          {"tier", auth::to_string(s.tier)},
          {"is_admin", s.admin},
          {"disabled", s.disabled_at.has_value()},
          {"disabled_at", timestamp(s.disabled_at)},
          {"profile_count", s.profile_count},
          {"live_streams", live_streams},
          {"created_at", format_rfc3339(s.created_at)},
          {"last_sign_in_at", timestamp(s.last_sign_in_at)}};
}

bj::object to_json(const auth::profile& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kids", p.kids},
          {"maturity_ceiling", auth::to_string(p.ceiling)},
          {"has_pin", p.pin_hash.has_value()},
          {"created_at", format_rfc3339(p.created_at)}};
}

bj::object to_json(const playback::playback_session& s, const std::optional<std::string>& what,
                   const std::optional<std::string>& profile_name) {
  const auto id_or_null = [](std::int64_t id) { return id ? bj::value(id) : bj::value(nullptr); };
  return {{"id", s.id},
          {"profile_id", s.profile_id},
          {"profile_name", profile_name ? bj::value(*profile_name) : bj::value(nullptr)},
          {"title_id", id_or_null(s.title_id)},
          {"episode_id", id_or_null(s.episode_id)},
          {"channel_id", id_or_null(s.channel_id)},
          {"watching", what ? bj::value(*what) : bj::value(nullptr)},
          {"position_seconds", s.position_seconds},
          {"duration_seconds", s.duration_seconds},
          {"started_at", format_rfc3339(s.started_at)},
          {"last_heartbeat_at", format_rfc3339(s.last_heartbeat)},
          {"expires_at", format_rfc3339(s.expires_at)}};
}

error no_account(std::int64_t id) {
  return fail(errc::not_found, "Account " + std::to_string(id) + " does not exist.");
}

// A session id is 22 base64url characters; anything else cannot name one.
result<std::string> session_id(const http::context& ctx) {
  const auto id = ctx.param("session_id");
  bool ok = id.size() == 22;
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (!ok) return fail(errc::not_found, "No playback session " + std::string(id) + ".");
  return std::string(id);
}

}  // namespace

void add_routes(http::router& router, storage::database& db, playback::playback_service& playback,
                const clock& clk) {
  const auto details = [&db, &playback](std::int64_t id) -> result<http::response> {
    auto conn = db.acquire();
    const auto s = find(*conn, id);
    if (!s) return no_account(id);
    const auto profiles = auth::account_store::list_profiles(*conn, id);
    const auto streams = playback.account_sessions(id);
    bj::array ps, ss;
    for (const auto& p : profiles) ps.push_back(to_json(p));
    for (const auto& st : streams) {
      std::optional<std::string> profile_name;
      for (const auto& p : profiles)
        if (p.id == st.profile_id) profile_name = p.name;
      ss.push_back(to_json(st, watching(*conn, st.title_id, st.channel_id), profile_name));
    }
    auto out = to_json(*s, streams.size());
    out["profiles"] = std::move(ps);
    out["streams"] = std::move(ss);
    return http::json(200, std::move(out));
  };

  router.add(method::get, "/api/v1/admin/accounts", access::admin,
             [&db, &playback](http::context& ctx) -> result<http::response> {
               filter f;
               KINORA_TRY(limit, ctx.query.integer("limit", 50, 1, 200));
               KINORA_TRY(offset, ctx.query.integer("offset", 0, 0, 100'000));
               KINORA_TRY(q, ctx.query.text("q", 200));
               KINORA_TRY(tier, ctx.query.text("tier", 20));
               if (tier) {
                 f.tier = auth::parse_tier(*tier);
                 if (!f.tier) {
                   error e = fail(errc::bad_request,
                                  "Query parameter 'tier' must be basic, standard or premium.",
                                  "invalid-parameter");
                   e.fields.push_back({"tier", "must be basic, standard or premium"});
                   return e;
                 }
               }
               f.q = q;
               f.limit = limit;
               f.offset = offset;
               const auto p = [&] {
                 auto conn = db.acquire();
                 return list(*conn, f);
               }();
               bj::array items;
               for (const auto& s : p.items)
                 items.push_back(to_json(s, playback.account_sessions(s.id).size()));
               return http::json(200, bj::object{{"items", std::move(items)},
                                                 {"total", p.total},
                                                 {"limit", limit},
                                                 {"offset", offset}});
             });

  router.add(method::get, "/api/v1/admin/accounts/{account_id}", access::admin,
             [details](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("account_id"));
               return details(id);
             });

  router.add(method::patch, "/api/v1/admin/accounts/{account_id}", access::admin,
             [&db, &playback, &clk, details](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("account_id"));
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               const auto tier_name = r.optional_enum("tier", {"basic", "standard", "premium"});
               const auto disabled = r.optional_bool("disabled");
               if (auto st = r.finish(); !st) return st.err();
               if (disabled && *disabled && id == ctx.who().account_id)
                 return fail(errc::conflict,
                             "You cannot disable your own account: ask another admin.",
                             "cannot-disable-self");
               const auto now = clk.now_unix();
               const bool found = db.transact([&](storage::connection& c) {
                 if (!find(c, id)) return false;
                 if (tier_name) set_tier(c, id, *auth::parse_tier(*tier_name));
                 if (disabled) {
                   set_disabled(c, id, *disabled, now);
                   if (*disabled) auth::account_store::revoke_account(c, id, now);
                 }
                 return true;
               });
               if (!found) return no_account(id);
               // A disabled account stops watching too.
               if (disabled && *disabled)
                 for (const auto& s : playback.account_sessions(id))
                   (void)playback.end_for_account(id, s.id);
               return details(id);
             });

  router.add(method::post, "/api/v1/admin/accounts/{account_id}/sign-out", access::admin,
             [&db, &clk](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("account_id"));
               auto conn = db.acquire();
               if (!find(*conn, id)) return no_account(id);
               auth::account_store::revoke_account(*conn, id, clk.now_unix());
               return http::no_content();
             });

  router.add(method::del, "/api/v1/admin/accounts/{account_id}/streams/{session_id}", access::admin,
             [&db, &playback](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("account_id"));
               KINORA_TRY(sid, session_id(ctx));
               {
                 auto conn = db.acquire();
                 if (!find(*conn, id)) return no_account(id);
               }
               if (auto st = playback.end_for_account(id, sid); !st) return st.err();
               return http::no_content();
             });
}

}  // namespace kinora::accounts
