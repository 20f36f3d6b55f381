#pragma once
// Optimistic concurrency for admin resources: a strong ETag over a resource's JSON and
// the If-Match check that keeps a later save from silently erasing an earlier one.
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "http/message.hpp"

namespace kinora::http {

// A quoted strong entity tag: the first 16 hex digits of the body's SHA-256.
std::string etag_of(std::string_view body);

// A JSON response carrying the ETag of exactly the bytes it sends.
response json_with_etag(unsigned status, const boost::json::value& body);

// The ETag a GET of `representation` would carry.
std::string etag_of(const boost::json::value& representation);

// OK when the request has no If-Match, has `*`, or lists `current` (strong comparison);
// otherwise 412 kind `precondition-failed` with `detail`.
status check_if_match(const request& req, const std::string& current, std::string_view detail);

}  // namespace kinora::http
