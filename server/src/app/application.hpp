#pragma once
// Wiring: opens storage, builds each domain's service, registers its routes and the
// static sites. A new domain is one more service and one add_routes call here.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "http/router.hpp"

namespace kinora::app {

class application {
 public:
  explicit application(config cfg);
  ~application();

  // Migrates, seeds in demo mode, then serves until SIGINT/SIGTERM. Returns the exit code.
  int serve();
  // `kinora seed`: catalog always, demo accounts when cfg.demo.
  int seed();
  // `kinora migrate`
  int migrate();
  // `kinora media build`: packages the demo clips once and links every title to one.
  int media_build();
  // `kinora media ingest FILE --title ID [--episode ID]`
  int media_ingest(const std::string& file, std::int64_t title_id, std::int64_t episode_id);
  // `kinora xmltv import FILE`: one transaction; prints the error's line on failure.
  int m3u_import(const std::string& file);
  // `kinora admin create EMAIL`: the password is asked for only for a new account.
  int create_admin(const std::string& email, const std::function<std::string()>& password);
  int xmltv_import(const std::string& file);
  // `kinora xmltv export [--from T] [--to T] [--out FILE]`: every channel; the week from
  // today 00:00 UTC by default; stdout unless --out.
  int xmltv_export(std::optional<std::int64_t> from, std::optional<std::int64_t> to,
                   const std::string& out);
  std::vector<http::route_info> routes() const;

 private:
  // Registers packaged media; in demo mode links titles to the demo clips, packaging
  // them in the background on a first run.
  void prepare_media();
  struct parts;
  std::unique_ptr<parts> parts_;
};

}  // namespace kinora::app
