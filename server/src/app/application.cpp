#include "app/application.hpp"

#include <filesystem>
#include <iostream>

#include "app/ops_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/auth_service.hpp"
#include "auth/token_codec.hpp"
#include "catalog/catalog_routes.hpp"
#include "catalog/catalog_service.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "seed/demo_seed.hpp"
#include "storage/database.hpp"
#include "viewing/viewing_routes.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::app {

namespace {

// Demo mode needs no configured secret: one is generated once and kept in the
// database, so tokens survive restarts.
std::string demo_secret(storage::database& db, random_source& rnd) {
  auto c = db.acquire();
  const auto rs = c->query("SELECT value FROM settings WHERE key = 'jwt_secret'");
  if (!rs.empty()) return rs.front().text(0);
  const std::string secret = auth::base64url(rnd.bytes(48));
  c->query(
      "INSERT INTO settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING",
      {secret});
  return c->query("SELECT value FROM settings WHERE key = 'jwt_secret'").front().text(0);
}

}  // namespace

struct application::parts {
  explicit parts(config c)
      : cfg(std::move(c)),
        log(cfg.log),
        db(storage::open_database(cfg.database_url, cfg.db_pool_size)),
        router(metrics, log) {
    storage::migrate(*db);
    const std::string secret = cfg.jwt_secret.empty() ? demo_secret(*db, random) : cfg.jwt_secret;
    auth = std::make_unique<auth::auth_service>(
        *db, clock, random,
        auth::auth_settings{secret, cfg.access_token_ttl, cfg.refresh_token_ttl,
                            cfg.login_attempts_per_address});
    catalog = std::make_unique<catalog::catalog_service>(*db, clock);
    viewing = std::make_unique<viewing::viewing_service>(*db, clock);

    add_ops_routes(router, metrics, *db, clock);
    auth::add_routes(router, *auth);
    catalog::add_routes(router, *catalog, catalog_cache);
    viewing::add_routes(router, *viewing);
    router.set_authenticator([this](std::string_view token) { return auth->authenticate(token); });

    namespace fs = std::filesystem;
    const fs::path web = cfg.web_root;
    for (const auto& [prefix, dir, spa] : {std::tuple{"/docs", web / "docs" / "dist", false},
                                           std::tuple{"/admin", web / "admin" / "dist", true},
                                           std::tuple{"/", web / "client" / "dist", true}}) {
      if (fs::is_directory(dir)) router.mount({prefix, dir, spa});
    }
  }

  config cfg;
  logger log;
  system_clock clock;
  secure_random random;
  std::unique_ptr<storage::database> db;
  http::metrics metrics;
  http::router router;
  std::unique_ptr<auth::auth_service> auth;
  std::unique_ptr<catalog::catalog_service> catalog;
  catalog::response_cache catalog_cache{std::chrono::seconds(5)};
  std::unique_ptr<viewing::viewing_service> viewing;
};

application::application(config cfg) : parts_(std::make_unique<parts>(std::move(cfg))) {}
application::~application() = default;

std::vector<http::route_info> application::routes() const {
  return parts_->router.routes();
}

int application::seed() {
  auto& p = *parts_;
  const auto report = seed::seed_catalog(*p.db, p.clock);
  const auto accounts = p.cfg.demo ? seed::seed_demo_accounts(*p.db, *p.auth) : 0;
  p.log.info("seeded", {{"titles", report.titles},
                        {"episodes", report.episodes},
                        {"channels", report.channels},
                        {"programmes", report.programmes},
                        {"demo_accounts", accounts}});
  return 0;
}

int application::migrate() {
  parts_->log.info("migrations applied", {{"database", parts_->db->description()}});
  return 0;
}

int application::serve() {
  auto& p = *parts_;
  // Only demo mode fills an empty database by itself; production runs `kinora seed`.
  if (p.cfg.demo) seed();
  http::server_options o;
  o.host = p.cfg.host;
  o.port = p.cfg.port;
  o.io_threads = p.cfg.io_threads;
  o.workers = p.cfg.workers;
  o.body_limit = p.cfg.max_body_bytes;
  o.header_limit = p.cfg.max_header_bytes;
  o.read_timeout = std::chrono::seconds(p.cfg.read_timeout_seconds);
  o.shutdown_grace = std::chrono::seconds(p.cfg.shutdown_grace_seconds);
  http::server server(o, p.router, p.log);
  const auto port = server.listen();
  p.log.info("listening", {{"url", "http://" + p.cfg.host + ":" + std::to_string(port)},
                           {"port", port},
                           {"database", p.db->description()},
                           {"demo", p.cfg.demo}});
  server.run();
  p.log.info("stopped");
  return 0;
}

}  // namespace kinora::app
