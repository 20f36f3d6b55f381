#pragma once
#include "http/router.hpp"
#include "insights/insights_service.hpp"

namespace kinora::insights {

// GET /api/v1/admin/insights/questions and /answer?q= (admin only).
void add_routes(http::router& router, insights_service& service);

}  // namespace kinora::insights
