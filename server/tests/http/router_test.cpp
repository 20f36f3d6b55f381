#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/problem.hpp"
#include "storage/database.hpp"

namespace kinora::http {
namespace {

class router_suite : public ::testing::Test {
 protected:
  void SetUp() override {
    r_.add(method::get, "/api/v1/things/{id}", access::anyone,
           [](context& ctx) -> result<response> {
             KINORA_TRY(id, ctx.id("id"));
             return json(200, boost::json::object{{"id", id}});
           });
    r_.add(method::get, "/api/v1/mine", access::signed_in, [](context& ctx) -> result<response> {
      return json(200, boost::json::object{{"account", ctx.who().account_id}});
    });
    r_.add(method::post, "/api/v1/admin/x", access::admin,
           [](context&) -> result<response> { return no_content(); });
    r_.set_authenticator([](std::string_view token) -> result<auth::viewer> {
      auth::viewer v;
      v.account_id = 5;
      if (token == "admin")
        v.role = auth::role::admin;
      else if (token != "user")
        return fail(errc::unauthorized, "bad", "invalid-token");
      return v;
    });
  }
  response call(method m, std::string path, std::string token = "") {
    request req;
    req.method = m;
    const auto q = path.find('?');
    req.path = path.substr(0, q);
    if (q != std::string::npos) req.query = path.substr(q + 1);
    if (!token.empty()) req.headers.emplace_back("authorization", "Bearer " + token);
    return r_.dispatch(req);
  }

  metrics m_;
  logger log_{log_level::error};
  router r_{m_, log_};
};

TEST_F(router_suite, matches_parameters) {
  const auto res = call(method::get, "/api/v1/things/42");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.body, R"({"id":42})");
  EXPECT_EQ(call(method::get, "/api/v1/things/x").status, 400u);
  EXPECT_EQ(call(method::get, "/api/v1/things").status, 404u);
  EXPECT_EQ(call(method::get, "/api/v1/things/1/more").status, 404u);
}

// Ids are any positive int64, as the OpenAPI document's Id says; longer input is refused
// without overflowing.
TEST_F(router_suite, ids_span_positive_int64) {
  EXPECT_EQ(call(method::get, "/api/v1/things/9223372036854775807").body,
            R"({"id":9223372036854775807})");
  EXPECT_EQ(call(method::get, "/api/v1/things/9223372036854775808").status, 400u);
  EXPECT_EQ(call(method::get, "/api/v1/things/99999999999999999999999").status, 400u);
  EXPECT_EQ(call(method::get, "/api/v1/things/0").status, 400u);
}

TEST_F(router_suite, head_uses_get_and_wrong_methods_get_405_with_allow) {
  EXPECT_EQ(call(method::head, "/api/v1/things/1").status, 200u);
  const auto res = call(method::del, "/api/v1/things/1");
  EXPECT_EQ(res.status, 405u);
  EXPECT_EQ(res.header("Allow"), "GET");
}

TEST_F(router_suite, enforces_access) {
  EXPECT_EQ(call(method::get, "/api/v1/mine").status, 401u);
  EXPECT_EQ(call(method::get, "/api/v1/mine", "forged").status, 401u);
  EXPECT_EQ(call(method::get, "/api/v1/mine", "user").status, 200u);
  EXPECT_EQ(call(method::post, "/api/v1/admin/x", "user").status, 403u);
  EXPECT_EQ(call(method::post, "/api/v1/admin/x", "admin").status, 204u);
}

TEST_F(router_suite, every_answer_has_a_request_id_and_is_counted) {
  const auto res = call(method::get, "/api/v1/things/1");
  EXPECT_EQ(res.header("X-Request-Id")->size(), 16u);
  EXPECT_NE(m_.render().find("route=\"/api/v1/things/{id}\",method=\"GET\",status=\"200\"} 1"),
            std::string::npos);
}

TEST_F(router_suite, a_write_racing_a_deletion_is_a_conflict_not_a_server_error) {
  r_.add(method::put, "/api/v1/fk", access::signed_in, [](context&) -> result<response> {
    throw storage::storage_error(storage::storage_error::kind::foreign_key_violation,
                                 "FOREIGN KEY constraint failed");
  });
  r_.add(method::put, "/api/v1/other", access::signed_in, [](context&) -> result<response> {
    throw storage::storage_error(storage::storage_error::kind::other, "disk I/O error");
  });
  const auto res = call(method::put, "/api/v1/fk", "user");
  EXPECT_EQ(res.status, 409u);
  EXPECT_NE(res.body.find("urn:kinora:problem:reference-gone"), std::string::npos) << res.body;
  EXPECT_EQ(call(method::put, "/api/v1/other", "user").status, 500u);
}

TEST(query_params, decodes_and_validates) {
  const auto q = query_params::parse("a=1&b=hello+w%C3%B6rld&c=&a=2").value();
  EXPECT_EQ(q.get("a"), "2");
  EXPECT_EQ(q.get("b"), "hello wörld");
  EXPECT_EQ(q.get("c"), "");
  EXPECT_FALSE(q.get("d").has_value());
  EXPECT_EQ(q.integer("a", 0, 0, 10).value(), 2);
  EXPECT_FALSE(q.integer("b", 0, 0, 10).ok());
  EXPECT_FALSE(query_params::parse("x=%zz").ok());
  EXPECT_FALSE(query_params::parse("x=%ff").ok());
}

TEST(problem, is_rfc9457_with_a_stable_type) {
  error e = fail(errc::validation, "bad fields");
  e.fields.push_back({"name", "is required"});
  const auto res = problem(e, "/api/v1/x");
  EXPECT_EQ(res.status, 422u);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  const auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "urn:kinora:problem:validation");
  EXPECT_EQ(body.at("errors").as_array().size(), 1u);
}

}  // namespace
}  // namespace kinora::http

namespace kinora::http {
namespace {

// The I/O thread's path: only routes with an at-once handler, only tokens the quick
// authenticator vouches for, and only when the handler has the answer in memory.
class at_once_suite : public ::testing::Test {
 protected:
  void SetUp() override {
    r_.add(
        method::get, "/api/v1/pages/{id}", access::signed_in,
        [](context&) -> result<response> {
          return json(200, boost::json::object{{"from", "worker"}});
        },
        [this](const context& ctx) -> std::optional<response> {
          if (ctx.param("id") != "cached") return std::nullopt;
          ++quick_calls_;
          return json(200,
                      boost::json::object{{"from", "memory"}, {"account", ctx.who().account_id}});
        });
    r_.add(method::get, "/api/v1/plain", access::anyone,
           [](context&) -> result<response> { return no_content(); });
    r_.set_quick_authenticator([](std::string_view token) -> std::optional<auth::viewer> {
      if (token != "checked") return std::nullopt;
      auth::viewer v;
      v.account_id = 9;
      return v;
    });
  }
  std::optional<response> at_once(std::string path, std::string token) {
    request req;
    req.method = method::get;
    req.path = std::move(path);
    if (!token.empty()) req.headers.emplace_back("authorization", "Bearer " + token);
    return r_.answer_at_once(req);
  }

  int quick_calls_ = 0;
  metrics m_;
  logger log_{log_level::error};
  router r_{m_, log_};
};

TEST_F(at_once_suite, a_page_in_memory_for_a_vouched_token_is_answered_and_counted) {
  const auto res = at_once("/api/v1/pages/cached", "checked");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
  EXPECT_EQ(res->body, R"({"from":"memory","account":9})");
  EXPECT_TRUE(res->header("X-Request-Id"));
  EXPECT_NE(m_.render().find(R"(route="/api/v1/pages/{id}",method="GET",status="200"} 1)"),
            std::string::npos);
}

TEST_F(at_once_suite, everything_else_goes_to_a_worker) {
  EXPECT_FALSE(at_once("/api/v1/pages/missing", "checked"));   // not in memory
  EXPECT_FALSE(at_once("/api/v1/pages/cached", "unchecked"));  // needs the database
  EXPECT_FALSE(at_once("/api/v1/pages/cached", ""));           // the worker answers 401
  EXPECT_FALSE(at_once("/api/v1/plain", ""));                  // no at-once handler
  EXPECT_FALSE(at_once("/api/v1/nowhere", "checked"));
  EXPECT_EQ(quick_calls_, 0);
}

}  // namespace
}  // namespace kinora::http
