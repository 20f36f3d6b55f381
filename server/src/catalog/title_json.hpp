#pragma once
// The JSON shape of catalog types, shared by every route that returns titles.
#include <boost/json/object.hpp>

#include "catalog/title.hpp"

namespace kinora::catalog {

boost::json::object to_json(const episode& e);
boost::json::object to_json(const season& s, bool with_episodes);
// `detail` adds seasons and episodes for a series.
boost::json::object to_json(const title& t, bool detail);
boost::json::object to_json(const page<title>& p);

}  // namespace kinora::catalog
