#pragma once
// Matches requests to routes, enforces who may call them, turns errors into problem
// documents, and records one log line and metric sample per request.
#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/log.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/query.hpp"
#include "http/static_files.hpp"

namespace kinora::http {

enum class access { anyone, signed_in, admin };

class context {
 public:
  context(const request& r, query_params q) : req(r), query(std::move(q)) {}

  const request& req;
  query_params query;
  std::vector<std::pair<std::string, std::string>> params;
  std::optional<auth::viewer> viewer;

  const auth::viewer& who() const { return *viewer; }
  std::string_view param(std::string_view name) const;
  // A path parameter that must be a positive integer id.
  result<std::int64_t> id(std::string_view name) const;
  // The body as a JSON object; requires Content-Type application/json.
  result<boost::json::object> json_body() const;
};

using handler = std::function<result<response>(context&)>;
// Answers from memory alone (a cached page), or nullopt when the full handler must run.
// Runs on an I/O thread, so it must never wait: no database, no lock held for long.
using at_once_handler = std::function<std::optional<response>(const context&)>;

// A fresh X-Request-Id, for requests that did not bring a usable one.
std::string new_request_id();

struct route_info {
  http::method method;
  std::string pattern;  // "/api/v1/catalog/titles/{id}"
  http::access access;
};

// The refusals of a request without a token, and of a non-admin on an admin route.
error missing_token();
error admin_required();

class router {
 public:
  using authenticator = std::function<result<auth::viewer>(std::string_view bearer_token)>;
  // The viewer when the token can be judged without waiting (no database), else nullopt.
  using quick_authenticator =
      std::function<std::optional<auth::viewer>(std::string_view bearer_token)>;
  // Told of every admin route that changed something (a 2xx answer to a non-GET), after
  // the handler ran: the audit log's one hook, so no admin route can forget it.
  using write_observer = std::function<void(const context&, const route_info&, const response&)>;

  router(metrics& m, logger& log) : metrics_(m), log_(log) {}

  void set_authenticator(authenticator a) { authenticate_ = std::move(a); }
  // The token's signature and claims only (no database), for refuse_head.
  void set_claims_verifier(authenticator a) { verify_claims_ = std::move(a); }
  void set_quick_authenticator(quick_authenticator a) { authenticate_at_once_ = std::move(a); }
  void on_admin_write(write_observer o) { observe_admin_write_ = std::move(o); }
  void add(http::method m, std::string pattern, access a, handler h, at_once_handler quick = {});
  void mount(static_mount m);

  // Never throws: every failure becomes a problem response.
  response dispatch(request& req);
  // Decides on a request's head alone, before its body is read: the 401 or 403 its route's
  // access rule gives a missing, invalid or non-admin token (judged by its claims), logged
  // and counted like any answer. nullopt: read the body and dispatch.
  std::optional<response> refuse_head(request& req);
  // The answer of a route's at-once handler, logged and counted like any answer, for the
  // I/O thread to send without a hop to a worker. nullopt: dispatch on a worker.
  std::optional<response> answer_at_once(request& req);

  std::vector<route_info> routes() const;

 private:
  struct route {
    route_info info;
    std::vector<std::string> segments;
    handler fn;
    at_once_handler quick;
  };
  response handle(request& req, std::string& route_name);
  // The route for the request's path and method, its path parameters, and else the methods
  // the path allows.
  const route* match(const request& req, std::vector<std::pair<std::string, std::string>>* params,
                     std::string* allowed) const;
  // Sets the request id, counts and logs the answer.
  response finish(const request& req, const std::string& route_name, response res,
                  std::chrono::steady_clock::time_point started);

  metrics& metrics_;
  logger& log_;
  authenticator authenticate_;
  authenticator verify_claims_;
  quick_authenticator authenticate_at_once_;
  write_observer observe_admin_write_;
  std::vector<route> routes_;
  std::vector<static_mount> mounts_;
};

}  // namespace kinora::http
