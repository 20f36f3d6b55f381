#pragma once
// The JSON of channels and programmes, shared by the viewer and the admin routes.
#include <boost/json.hpp>

#include "epg/epg.hpp"

namespace kinora::epg {

boost::json::object to_json(const channel& ch, boost::json::storage_ptr sp = {});
boost::json::object to_json(const programme& p, boost::json::storage_ptr sp = {});
// In the grid a programme also carries the part of it inside the window, which is what a
// grid cell spans (clipped_start, clipped_stop); start and stop stay the real times.
boost::json::object to_json(const programme& p, const time_window& w,
                            boost::json::storage_ptr sp = {});

}  // namespace kinora::epg
