#pragma once
#include "epg/epg_interchange.hpp"
#include "epg/epg_service.hpp"
#include "http/router.hpp"

namespace kinora::epg {

// GET /api/v1/epg/xmltv, GET /api/v1/epg/playlist.m3u, POST /api/v1/admin/epg/xmltv.
void add_interchange_routes(http::router& r, epg_service& service, epg_interchange& interchange);

}  // namespace kinora::epg
