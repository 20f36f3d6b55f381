#pragma once
#include "auth/auth_service.hpp"
#include "http/router.hpp"

namespace kinora::auth {

void add_routes(http::router& r, auth_service& service);

}  // namespace kinora::auth
