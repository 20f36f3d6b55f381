#pragma once
// Health, readiness, metrics and the API document.
#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace kinora::app {

// A part /readyz reports beside the database: its details, and whether the server can
// serve without it (a down Redis makes it unready; a missing model does not).
struct readiness_check {
  std::string name;
  std::function<bool(boost::json::object& details)> check;  // false: not ready
};

void add_ops_routes(http::router& r, http::metrics& m, storage::database& db, const clock& clk,
                    std::vector<readiness_check> checks = {});

}  // namespace kinora::app
