#include "auth/auth_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "auth/entitlement.hpp"
#include "auth/session_cookie.hpp"
#include "core/json.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::auth {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::object to_json(const account& a) {
  return {{"id", a.id},
          {"email", a.email},
          {"tier", to_string(a.tier)},
          {"is_admin", a.admin},
          {"created_at", format_rfc3339(a.created_at)}};
}

bj::object to_json(const profile& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kids", p.kids},
          {"maturity_ceiling", to_string(p.ceiling)},
          {"has_pin", p.pin_hash.has_value()},
          {"created_at", format_rfc3339(p.created_at)}};
}

bj::array to_json(const std::vector<profile>& ps) {
  bj::array out;
  for (const auto& p : ps) out.push_back(to_json(p));
  return out;
}

bj::object to_json(const grant& g) {
  bj::object o{{"account", to_json(g.account)},
               {"profile", to_json(g.profile)},
               {"profiles", to_json(g.profiles)}};
  if (!g.tokens.access_token.empty()) {
    o["access_token"] = g.tokens.access_token;
    o["refresh_token"] = g.tokens.refresh_token;
    o["token_type"] = "Bearer";
    o["expires_in"] = g.tokens.expires_in;
  }
  return o;
}

constexpr json::string_rule name_rule{1, 40};
constexpr json::string_rule password_rule{1, 128};

// name, kids, maturity_ceiling and pin, as create and update both take them.
profile_input read_profile_input(json::object_reader& r, bool name_required) {
  profile_input in;
  in.name =
      name_required ? r.required_string("name", name_rule) : r.optional_string("name", name_rule);
  in.kids = r.optional_bool("kids");
  if (auto m = r.optional_enum("maturity_ceiling", {"all", "7+", "13+", "16+", "18+"}))
    in.ceiling = parse_maturity(*m);
  if (r.take_null("pin"))
    in.pin = std::string{};  // null removes the PIN
  else
    in.pin = r.optional_string("pin", {4, 4});
  return in;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// X-Kinora-Session: cookie: the refresh token travels in the kinora_refresh cookie.
bool cookie_mode(const http::context& ctx) {
  const auto h = ctx.req.header(session_header);
  return h && equals_ignoring_case(trim(*h), session_header_cookie);
}

// Over HTTPS, as the proxy in front says (the first proxy's value when there are several).
bool secure_request(const http::context& ctx) {
  const auto proto = ctx.req.header("x-forwarded-proto");
  return proto && equals_ignoring_case(trim(proto->substr(0, proto->find(','))), "https");
}

// The refresh cookie the browser sent, if any (a non-empty one, from any Cookie header).
std::optional<std::string> refresh_cookie(const http::context& ctx) {
  for (const auto& [name, value] : ctx.req.headers) {
    if (name != "cookie") continue;
    if (auto v = cookie_value(value, refresh_cookie_name); v && !v->empty()) return v;
  }
  return std::nullopt;
}

std::string set_refresh_cookie(const http::context& ctx, const std::string& token,
                               std::int64_t ttl_seconds) {
  return format_set_cookie(refresh_cookie_name, token,
                           {refresh_cookie_path, ttl_seconds, secure_request(ctx)});
}

std::string clear_refresh_cookie(const http::context& ctx) {
  return format_clear_cookie(refresh_cookie_name, refresh_cookie_path, secure_request(ctx));
}

// What a token-issuing route answers: in cookie mode the refresh token goes into the
// HttpOnly cookie and not into the body.
http::response grant_response(const http::context& ctx, unsigned status, const grant& g,
                              std::int64_t refresh_ttl_seconds) {
  if (!cookie_mode(ctx)) return http::json(status, to_json(g));
  auto body = to_json(g);
  body.erase("refresh_token");
  auto r = http::json(status, body);
  if (!g.tokens.refresh_token.empty())
    r.set("Set-Cookie", set_refresh_cookie(ctx, g.tokens.refresh_token, refresh_ttl_seconds));
  return r;
}

struct presented_token {
  std::string token;
  bool from_cookie = false;
};

// The refresh token of a refresh or logout: `refresh_token` in a JSON body, or else (in
// cookie mode) the kinora_refresh cookie. The cookie is honoured only with the
// X-Kinora-Session header, which a cross-site form or link cannot send (CSRF).
result<presented_token> presented_refresh_token(const http::context& ctx) {
  const bool header = cookie_mode(ctx);
  const auto cookie = refresh_cookie(ctx);
  if (!header && !cookie) {
    // JSON mode, as API clients use it: the body is required.
    KINORA_TRY(body, ctx.json_body());
    json::object_reader r(body);
    auto token = r.required_string("refresh_token", {1, 256});
    if (auto st = r.finish(); !st) return st.err();
    return presented_token{*token, false};
  }
  std::optional<std::string> in_body;
  if (!trim(ctx.req.body).empty()) {
    KINORA_TRY(body, ctx.json_body());
    json::object_reader r(body);
    in_body = r.optional_string("refresh_token", {1, 256});
    if (auto st = r.finish(); !st) return st.err();
  }
  if (in_body) return presented_token{*in_body, false};
  if (!header)
    return fail(errc::forbidden,
                "The kinora_refresh cookie is only honoured with the header "
                "X-Kinora-Session: cookie.",
                "csrf-header-required");
  if (!cookie)
    return fail(errc::unauthorized,
                "No refresh token: the kinora_refresh cookie is missing; sign in again.",
                "missing-refresh-token");
  return presented_token{*cookie, true};
}

}  // namespace

void add_routes(http::router& router, auth_service& service) {
  router.add(method::post, "/api/v1/auth/register", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               new_account in;
               auto email = r.required_string("email", {3, 254});
               auto password = r.required_string("password", password_rule);
               auto plan = r.optional_enum("tier", {"basic", "standard", "premium"});
               auto profile_name = r.optional_string("profile_name", name_rule);
               if (auto st = r.finish(); !st) return st.err();
               in.email = *email;
               in.password = *password;
               in.tier = parse_tier(plan.value_or("basic")).value();
               const std::string name = profile_name.value_or(
                   in.email.substr(0, std::min<std::size_t>(in.email.find('@'), 40)));
               KINORA_TRY(g, service.register_account(in, name.empty() ? "Me" : name));
               return grant_response(ctx, 201, g, service.refresh_ttl_seconds());
             });

  router.add(method::post, "/api/v1/auth/login", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto email = r.required_string("email", {1, 254});
               auto password = r.required_string("password", password_rule);
               auto profile_id = r.optional_int("profile_id", 1, INT64_MAX);
               auto pin = r.optional_string("pin", {4, 4});
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(
                   g, service.login(*email, *password, profile_id, pin, ctx.req.client_address));
               return grant_response(ctx, 200, g, service.refresh_ttl_seconds());
             });

  router.add(method::post, "/api/v1/auth/refresh", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(presented, presented_refresh_token(ctx));
               auto g = service.refresh(presented.token);
               if (!g) {
                 if (!presented.from_cookie) return std::move(g).err();
                 // A cookie that no longer refreshes is of no use: the browser drops it.
                 auto r = http::problem(g.err(), ctx.req.path);
                 r.set("Set-Cookie", clear_refresh_cookie(ctx));
                 return r;
               }
               return grant_response(ctx, 200, *g, service.refresh_ttl_seconds());
             });

  router.add(method::post, "/api/v1/auth/logout", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(presented, presented_refresh_token(ctx));
               const auto st = service.logout(presented.token);
               if (!presented.from_cookie) {
                 if (!st) return st.err();
                 return http::no_content();
               }
               // Signed out, or the cookie was of no use anyway: the browser drops it.
               auto r = st ? http::no_content() : http::problem(st.err(), ctx.req.path);
               r.set("Set-Cookie", clear_refresh_cookie(ctx));
               return r;
             });

  router.add(method::get, "/api/v1/auth/me", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(g, service.current(ctx.who()));
               return http::json(200, to_json(g));
             });

  router.add(method::get, "/api/v1/auth/profiles", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(ps, service.profiles(ctx.who()));
               return http::json(200, bj::object{{"items", to_json(ps)}});
             });

  router.add(method::post, "/api/v1/auth/profiles", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto in = read_profile_input(r, true);
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(p, service.create_profile(ctx.who(), in));
               return http::json(201, to_json(p));
             });

  router.add(method::patch, "/api/v1/auth/profiles/{id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               KINORA_TRY(body, ctx.json_body());
               json::object_reader r(body);
               auto in = read_profile_input(r, false);
               if (auto st = r.finish(); !st) return st.err();
               KINORA_TRY(p, service.update_profile(ctx.who(), id, in));
               return http::json(200, to_json(p));
             });

  router.add(method::del, "/api/v1/auth/profiles/{id}", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               if (auto st = service.delete_profile(ctx.who(), id); !st) return st.err();
               return http::no_content();
             });

  router.add(method::post, "/api/v1/auth/profiles/{id}/select", access::signed_in,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(id, ctx.id("id"));
               std::optional<std::string> pin;
               if (!ctx.req.body.empty()) {
                 KINORA_TRY(body, ctx.json_body());
                 json::object_reader r(body);
                 pin = r.optional_string("pin", {4, 4});
                 if (auto st = r.finish(); !st) return st.err();
               }
               KINORA_TRY(g, service.select_profile(ctx.who(), id, pin));
               return grant_response(ctx, 200, g, service.refresh_ttl_seconds());
             });
}

}  // namespace kinora::auth
