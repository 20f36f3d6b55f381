#pragma once
#include "core/audience.hpp"
#include "epg/epg_admin.hpp"
#include "http/router.hpp"

namespace kinora::epg {

// /api/v1/admin/channels and /api/v1/admin/schedule; a channel that `viewers` are watching
// is deleted only when asked to end their streams.
void add_admin_routes(http::router& r, epg_admin& admin, audience& viewers);

}  // namespace kinora::epg
