#pragma once
#include "catalog/catalog_service.hpp"
#include "catalog/response_cache.hpp"
#include "http/router.hpp"

namespace kinora::catalog {

// Viewer reads go through `cache`; admin writes clear it.
void add_routes(http::router& r, catalog_service& service, response_cache& cache);

}  // namespace kinora::catalog
