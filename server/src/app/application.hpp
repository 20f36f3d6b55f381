#pragma once
// Wiring: opens storage, builds each domain's service, registers its routes and the
// static sites. A new domain is one more service and one add_routes call here.
#include <memory>
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
  std::vector<http::route_info> routes() const;

 private:
  // Registers packaged media; in demo mode links titles to the demo clips, packaging
  // them in the background on a first run.
  void prepare_media();
  struct parts;
  std::unique_ptr<parts> parts_;
};

}  // namespace kinora::app
