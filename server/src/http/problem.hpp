#pragma once
#include <boost/json/value.hpp>

#include "core/error.hpp"
#include "http/message.hpp"

namespace kinora::http {

// The one mapping from an error kind to an HTTP status.
unsigned status_for(errc code);

// RFC 9457 application/problem+json with a stable `type` URI per kind.
response problem(const error& e, std::string_view instance);

response json(unsigned status, const boost::json::value& body);
response no_content();

}  // namespace kinora::http
