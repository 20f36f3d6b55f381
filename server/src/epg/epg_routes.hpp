#pragma once
#include "epg/epg_service.hpp"
#include "http/router.hpp"

namespace kinora::epg {

void add_routes(http::router& r, epg_service& service);

}  // namespace kinora::epg
