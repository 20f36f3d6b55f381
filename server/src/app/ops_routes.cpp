#include "app/ops_routes.hpp"

#include <boost/json.hpp>

#include <chrono>

#include "core/resources.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace kinora::app {

namespace bj = boost::json;
using http::access;
using http::method;

void add_ops_routes(http::router& r, http::metrics& m, storage::database& db, const clock& clk,
                    std::vector<readiness_check> checks) {
  m.add_collector([&db](std::string& out) {
    const auto s = db.stats();
    out += "# HELP kinora_db_pool_connections Database connections by state.\n";
    out += "# TYPE kinora_db_pool_connections gauge\n";
    out += "kinora_db_pool_connections{state=\"in_use\"} " + std::to_string(s.in_use) + "\n";
    out += "kinora_db_pool_connections{state=\"open\"} " + std::to_string(s.size) + "\n";
    out += "kinora_db_pool_connections{state=\"capacity\"} " + std::to_string(s.capacity) + "\n";
    out += "# HELP kinora_db_pool_waits_total Acquisitions that waited for a free connection.\n";
    out += "# TYPE kinora_db_pool_waits_total counter\n";
    out += "kinora_db_pool_waits_total " + std::to_string(s.waits) + "\n";
    out += "# HELP kinora_db_pool_timeouts_total Acquisitions that gave up waiting.\n";
    out += "# TYPE kinora_db_pool_timeouts_total counter\n";
    out += "kinora_db_pool_timeouts_total " + std::to_string(s.timeouts) + "\n";
    out +=
        "# HELP kinora_db_pool_dropped_total Dead pooled connections replaced (after a "
        "database restart).\n";
    out += "# TYPE kinora_db_pool_dropped_total counter\n";
    out += "kinora_db_pool_dropped_total " + std::to_string(s.dropped) + "\n";
    out +=
        "# HELP kinora_db_unreachable 1 while requests fail fast on an unreachable or hung "
        "database.\n";
    out += "# TYPE kinora_db_unreachable gauge\n";
    out += "kinora_db_unreachable " + std::string(s.unreachable ? "1" : "0") + "\n";
  });

  r.add(method::get, "/healthz", access::anyone, [](http::context&) -> result<http::response> {
    return http::json(200, bj::object{{"status", "ok"}});
  });

  r.add(method::get, "/readyz", access::anyone,
        [&db, &clk, checks = std::move(checks)](http::context&) -> result<http::response> {
          const auto started = std::chrono::steady_clock::now();
          bj::object database{
              {"backend", db.kind() == storage::dialect::sqlite ? "sqlite" : "postgresql"},
              {"url", db.description()}};
          bool ready = true;
          try {
            // A slow or hung database is reported as not ready within the second, not
            // after the statement timeout.
            storage::deadline_scope within(std::chrono::milliseconds(800));
            auto c = db.acquire();
            c->query("SELECT 1");
            database["reachable"] = true;
          } catch (const std::exception& e) {
            ready = false;
            database["reachable"] = false;
            database["error"] = e.what();
          }
          database["latency_ms"] =
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
          const auto s = db.stats();
          database["pool"] = {{"open", s.size}, {"in_use", s.in_use}, {"capacity", s.capacity}};
          bj::object body{{"time", format_rfc3339(clk.now_unix())},
                          {"database", std::move(database)}};
          for (const auto& c : checks) {
            bj::object details;
            if (!c.check(details)) ready = false;
            body[c.name] = std::move(details);
          }
          body["status"] = ready ? "ready" : "unavailable";
          return http::json(ready ? 200 : 503, body);
        });

  r.add(method::get, "/metrics", access::anyone, [&m](http::context&) -> result<http::response> {
    http::response res;
    res.body = m.render();
    res.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    res.set("Cache-Control", "no-store");
    return res;
  });

  r.add(method::get, "/api/v1/openapi.json", access::anyone,
        [](http::context&) -> result<http::response> {
          http::response res;
          res.body = std::string(resources::find("docs/api/openapi.json").value_or("{}"));
          res.set("Content-Type", "application/json");
          res.set("Cache-Control", "no-cache");
          return res;
        });
}

}  // namespace kinora::app
