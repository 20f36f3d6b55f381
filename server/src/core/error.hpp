#pragma once
// Expected failures travel as values; http/problem.cpp is the one place that maps
// them to a status code, a default kind and an RFC 9457 problem document.
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kinora {

enum class errc {
  bad_request,   // malformed syntax: JSON, query strings, headers
  validation,    // well-formed but invalid fields
  unauthorized,  // missing, expired or forged credentials
  forbidden,     // authenticated but not allowed
  not_found,
  method_not_allowed,
  conflict,
  gone,                 // existed once and ended: a stopped playback session
  precondition_failed,  // If-Match did not match the current ETag
  payload_too_large,
  range_not_satisfiable,
  headers_too_large,
  unsupported_media_type,
  rate_limited,
  unavailable,  // a dependency (database) cannot serve right now
  internal,
};

struct field_error {
  std::string field;
  std::string message;
};

struct error {
  errc code = errc::internal;
  std::string detail;
  // Stable machine-readable kind, e.g. "token-expired"; defaults to the code's name.
  std::string kind;
  std::vector<field_error> fields;
  int retry_after_seconds = 0;
  // RFC 9457 extension members a client can act on, e.g. {"limit", 2}.
  std::vector<std::pair<std::string, std::variant<long long, std::string>>> extensions;

  static error make(errc code, std::string detail, std::string kind = {}) {
    return error{code, std::move(detail), std::move(kind), {}, 0, {}};
  }
};

}  // namespace kinora
