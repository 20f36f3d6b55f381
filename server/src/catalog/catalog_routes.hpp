#pragma once
#include "catalog/catalog_service.hpp"
#include "catalog/response_cache.hpp"
#include "catalog/search_log.hpp"
#include "core/audience.hpp"
#include "http/router.hpp"

namespace kinora::catalog {

// Viewer reads go through `cache`; admin writes clear it; searches are noted in `searches`;
// a title that `viewers` are watching is deleted only when asked to end their streams.
void add_routes(http::router& r, catalog_service& service, response_cache& cache,
                search_log& searches, audience& viewers);

}  // namespace kinora::catalog
