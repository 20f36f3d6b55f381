#pragma once
#include "http/router.hpp"
#include "playback/playback_service.hpp"

namespace kinora::playback {

void add_routes(http::router& router, playback_service& service);

}  // namespace kinora::playback
