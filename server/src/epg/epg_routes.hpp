#pragma once
#include "epg/epg_service.hpp"
#include "http/router.hpp"

namespace kinora::epg {

void add_routes(http::router& r, epg_service& service);
// `from` and `to` as RFC 3339 or unix seconds (400 when unparsable).
result<window_request> read_window(const http::query_params& q);

}  // namespace kinora::epg
