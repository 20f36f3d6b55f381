#pragma once
#include "core/clock.hpp"
#include "http/router.hpp"
#include "recommend/recommend_service.hpp"
#include "recommend/title_vectors.hpp"

namespace kinora::recommend {

void add_routes(http::router& router, recommend_service& service, title_vectors& vectors,
                random_source& random);

}  // namespace kinora::recommend
