#include "audit/audit_routes.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>

#include "audit/audit_log.hpp"
#include "core/files.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::audit {

namespace bj = boost::json;
using http::access;
using http::method;

namespace {

bj::object to_json(const entry& e) {
  return {{"id", e.id},
          {"at", format_rfc3339(e.at)},
          {"account_id", e.account_id},
          {"email", e.email ? bj::value(*e.email) : bj::value(nullptr)},
          {"method", e.method},
          {"route", e.route},
          {"target", e.target},
          {"status", e.status}};
}

result<std::optional<std::int64_t>> time_param(const http::context& ctx, std::string_view name) {
  KINORA_TRY(text, ctx.query.text(name, 40));
  if (!text) return std::optional<std::int64_t>{};
  const auto t = parse_rfc3339(*text);
  if (!t) {
    error e = fail(errc::bad_request,
                   "Query parameter '" + std::string(name) + "' must be an RFC 3339 time.",
                   "invalid-parameter");
    e.fields.push_back({std::string(name), "must be an RFC 3339 time"});
    return e;
  }
  return std::optional<std::int64_t>{*t};
}

// Microseconds since 1970 in 14 hex digits, then 2 random ones: ids sort in the order the
// changes were made, also within one second, and never collide in practice.
std::string sortable_id(random_source& random) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  char out[17];
  std::snprintf(out, sizeof out, "%014llx", static_cast<unsigned long long>(us));
  return std::string(out, 14) + files::to_hex(random.bytes(1));
}

}  // namespace

void add_routes(http::router& router, storage::database& db, const clock& clk,
                random_source& random, logger& log) {
  router.on_admin_write([&db, &clk, &random, &log](const http::context& ctx,
                                                   const http::route_info& route,
                                                   const http::response& res) {
    entry e;
    e.id = sortable_id(random);
    e.at = clk.now_unix();
    e.account_id = ctx.who().account_id;
    e.method = std::string(to_string(ctx.req.method));
    e.route = route.pattern;
    // A create names what it made; anything else acts on its own path.
    e.target = std::string(res.header("location").value_or(ctx.req.path));
    e.status = static_cast<int>(res.status);
    try {
      auto conn = db.acquire();
      record(*conn, e);
    } catch (const std::exception& err) {
      // The change is made; losing its log line is bad, failing the change is worse.
      log.error("audit log write failed", {{"route", e.route}, {"error", err.what()}});
    }
  });

  router.add(method::get, "/api/v1/admin/audit", access::admin,
             [&db](http::context& ctx) -> result<http::response> {
               filter f;
               KINORA_TRY(limit, ctx.query.integer("limit", 50, 1, 200));
               KINORA_TRY(offset, ctx.query.integer("offset", 0, 0, 100'000));
               KINORA_TRY(account, ctx.query.optional_integer("account_id", 1, INT64_MAX));
               KINORA_TRY(area, ctx.query.text("area", 40));
               KINORA_TRY(since, time_param(ctx, "since"));
               KINORA_TRY(until, time_param(ctx, "until"));
               f.limit = limit;
               f.offset = offset;
               f.account_id = account;
               f.area = area;
               f.since = since;
               f.until = until;
               auto conn = db.acquire();
               const auto p = list(*conn, f);
               bj::array items;
               for (const auto& e : p.items) items.push_back(to_json(e));
               return http::json(200, bj::object{{"items", std::move(items)},
                                                 {"total", p.total},
                                                 {"limit", limit},
                                                 {"offset", offset}});
             });
}

}  // namespace kinora::audit
