#include "auth/auth_routes.hpp"

#include <boost/json.hpp>

#include "auth/entitlement.hpp"
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

result<std::string> refresh_token_from(http::context& ctx) {
  KINORA_TRY(body, ctx.json_body());
  json::object_reader r(body);
  auto token = r.required_string("refresh_token", {1, 256});
  if (auto st = r.finish(); !st) return st.err();
  return *token;
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
               return http::json(201, to_json(g));
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
               return http::json(200, to_json(g));
             });

  router.add(method::post, "/api/v1/auth/refresh", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(token, refresh_token_from(ctx));
               KINORA_TRY(g, service.refresh(token));
               return http::json(200, to_json(g));
             });

  router.add(method::post, "/api/v1/auth/logout", access::anyone,
             [&](http::context& ctx) -> result<http::response> {
               KINORA_TRY(token, refresh_token_from(ctx));
               if (auto st = service.logout(token); !st) return st.err();
               return http::no_content();
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
               return http::json(200, to_json(g));
             });
}

}  // namespace kinora::auth
