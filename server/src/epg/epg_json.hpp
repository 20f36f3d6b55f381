#pragma once
// The JSON of channels and programmes, shared by the viewer and the admin routes.
#include <boost/json.hpp>

#include "epg/epg.hpp"

namespace kinora::epg {

boost::json::object to_json(const channel& ch);
boost::json::object to_json(const programme& p);

}  // namespace kinora::epg
