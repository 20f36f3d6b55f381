#include "http/problem.hpp"

#include <boost/json.hpp>

#include <iterator>

namespace kinora::http {

namespace {

// Every error code's HTTP status, its default problem kind and its problem title.
struct code_row {
  errc code;
  unsigned status;
  std::string_view kind;
  std::string_view title;
};
constexpr code_row code_table[] = {
    {errc::bad_request, 400, "bad-request", "Bad request"},
    {errc::validation, 422, "validation", "Invalid request"},
    {errc::unauthorized, 401, "unauthorized", "Authentication required"},
    {errc::forbidden, 403, "forbidden", "Forbidden"},
    {errc::not_found, 404, "not-found", "Not found"},
    {errc::method_not_allowed, 405, "method-not-allowed", "Method not allowed"},
    {errc::conflict, 409, "conflict", "Conflict"},
    {errc::gone, 410, "gone", "Gone"},
    {errc::precondition_failed, 412, "precondition-failed", "Precondition failed"},
    {errc::payload_too_large, 413, "payload-too-large", "Payload too large"},
    {errc::range_not_satisfiable, 416, "range-not-satisfiable", "Range not satisfiable"},
    {errc::headers_too_large, 431, "headers-too-large", "Request header fields too large"},
    {errc::unsupported_media_type, 415, "unsupported-media-type", "Unsupported media type"},
    {errc::rate_limited, 429, "rate-limited", "Too many requests"},
    {errc::unavailable, 503, "unavailable", "Service unavailable"},
    {errc::internal, 500, "internal", "Internal error"},
};
static_assert(std::size(code_table) == static_cast<std::size_t>(errc::internal) + 1,
              "every errc has a row");

const code_row& row_for(errc code) {
  for (const auto& row : code_table)
    if (row.code == code) return row;
  return code_table[std::size(code_table) - 1];
}

}  // namespace

unsigned status_for(errc code) {
  return row_for(code).status;
}

response problem(const error& e, std::string_view instance) {
  const auto& row = row_for(e.code);
  const std::string kind = e.kind.empty() ? std::string(row.kind) : e.kind;
  boost::json::object body;
  body["type"] = "urn:kinora:problem:" + kind;
  body["title"] = row.title;
  body["status"] = row.status;
  body["detail"] = e.detail;
  body["instance"] = instance;
  if (!e.fields.empty()) {
    boost::json::array errors;
    for (const auto& f : e.fields) errors.push_back({{"field", f.field}, {"message", f.message}});
    body["errors"] = std::move(errors);
  }
  for (const auto& [name, value] : e.extensions)
    std::visit([&, &name = name](const auto& v) { body[name] = v; }, value);
  response r;
  r.status = row.status;
  r.body = boost::json::serialize(body);
  r.set("Content-Type", "application/problem+json");
  r.set("Cache-Control", "no-store");
  if (e.code == errc::unauthorized) r.set("WWW-Authenticate", "Bearer");
  if (e.retry_after_seconds > 0) r.set("Retry-After", std::to_string(e.retry_after_seconds));
  return r;
}

response json(unsigned status, const boost::json::value& body) {
  response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.set("Content-Type", "application/json");
  r.set("Cache-Control", "no-store");
  return r;
}

response no_content() {
  response r;
  r.status = 204;
  r.set("Cache-Control", "no-store");
  return r;
}

}  // namespace kinora::http
