#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinora {

// RFC 3339 in UTC with a trailing 'Z', e.g. 2026-11-24T07:10:00Z.
std::string format_rfc3339(std::int64_t unix_seconds);
// Accepts RFC 3339 with 'Z' or a numeric offset; fractional seconds are dropped.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);
// HTTP-date (RFC 9110), for Last-Modified.
std::string format_http_date(std::int64_t unix_seconds);
std::optional<std::int64_t> parse_http_date(std::string_view text);

}  // namespace kinora
