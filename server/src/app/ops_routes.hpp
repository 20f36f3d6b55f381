#pragma once
// Health, readiness, metrics and the API document.
#include "core/clock.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace kinora::app {

void add_ops_routes(http::router& r, http::metrics& m, storage::database& db, const clock& clk);

}  // namespace kinora::app
