#pragma once
#include "epg/epg_admin.hpp"
#include "http/router.hpp"

namespace kinora::epg {

// /api/v1/admin/channels and /api/v1/admin/schedule.
void add_admin_routes(http::router& r, epg_admin& admin);

}  // namespace kinora::epg
