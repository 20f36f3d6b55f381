#pragma once
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace kinora::audit {

// Records every admin write through the router's hook, and serves the log read-only at
// GET /api/v1/admin/audit.
void add_routes(http::router& router, storage::database& db, const clock& clk,
                random_source& random, logger& log);

}  // namespace kinora::audit
