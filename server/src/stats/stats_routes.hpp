#pragma once
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace kinora::stats {

// GET /api/v1/admin/stats: the dashboard's figures (admin only).
void add_routes(http::router& router, storage::database& db, const clock& clk);

}  // namespace kinora::stats
