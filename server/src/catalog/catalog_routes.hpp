#pragma once
#include "catalog/catalog_service.hpp"
#include "http/router.hpp"

namespace kinora::catalog {

void add_routes(http::router& r, catalog_service& service);

}  // namespace kinora::catalog
