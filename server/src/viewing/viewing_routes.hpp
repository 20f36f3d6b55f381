#pragma once
#include "http/router.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::viewing {

void add_routes(http::router& r, viewing_service& service);

}  // namespace kinora::viewing
