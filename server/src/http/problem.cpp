#include "http/problem.hpp"

#include <boost/json.hpp>

namespace kinora::http {

unsigned status_for(errc code) {
  switch (code) {
    case errc::bad_request:
      return 400;
    case errc::validation:
      return 422;
    case errc::unauthorized:
      return 401;
    case errc::forbidden:
      return 403;
    case errc::not_found:
      return 404;
    case errc::method_not_allowed:
      return 405;
    case errc::conflict:
      return 409;
    case errc::gone:
      return 410;
    case errc::precondition_failed:
      return 412;
    case errc::range_not_satisfiable:
      return 416;
    case errc::payload_too_large:
      return 413;
    case errc::headers_too_large:
      return 431;
    case errc::unsupported_media_type:
      return 415;
    case errc::rate_limited:
      return 429;
    case errc::unavailable:
      return 503;
    case errc::internal:
      return 500;
  }
  return 500;
}

namespace {

std::string_view title_for(errc code) {
  switch (code) {
    case errc::bad_request:
      return "Bad request";
    case errc::validation:
      return "Invalid request";
    case errc::unauthorized:
      return "Authentication required";
    case errc::forbidden:
      return "Forbidden";
    case errc::not_found:
      return "Not found";
    case errc::method_not_allowed:
      return "Method not allowed";
    case errc::conflict:
      return "Conflict";
    case errc::gone:
      return "Gone";
    case errc::precondition_failed:
      return "Precondition failed";
    case errc::range_not_satisfiable:
      return "Range not satisfiable";
    case errc::payload_too_large:
      return "Payload too large";
    case errc::headers_too_large:
      return "Request header fields too large";
    case errc::unsupported_media_type:
      return "Unsupported media type";
    case errc::rate_limited:
      return "Too many requests";
    case errc::unavailable:
      return "Service unavailable";
    case errc::internal:
      return "Internal error";
  }
  return "Internal error";
}

}  // namespace

response problem(const error& e, std::string_view instance) {
  const std::string kind = e.kind.empty() ? std::string(to_string(e.code)) : e.kind;
  boost::json::object body;
  body["type"] = "urn:kinora:problem:" + kind;
  body["title"] = title_for(e.code);
  body["status"] = status_for(e.code);
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
  r.status = status_for(e.code);
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
