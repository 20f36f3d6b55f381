#pragma once
// The demo data set: catalog, channels and a 7-day schedule from
// seed/demo_catalog.json (written for Kinora), and the demo accounts.
#include <cstdint>
#include <string>
#include <vector>

#include "auth/auth_service.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

namespace kinora::seed {

struct seed_report {
  std::int64_t titles = 0;
  std::int64_t episodes = 0;
  std::int64_t channels = 0;
  std::int64_t programmes = 0;
  std::int64_t accounts = 0;
};

// Inserts the catalog, channels and schedule when there are no titles yet.
seed_report seed_catalog(storage::database& db, const clock& clk);

// The slugs of the demo channels, whose week of programmes repeats (epg roll_forward).
std::vector<std::string> demo_channel_slugs();

// Creates the five demo accounts that do not exist yet. Only ever called in demo mode.
std::int64_t seed_demo_accounts(storage::database& db, auth::auth_service& auth);

}  // namespace kinora::seed
