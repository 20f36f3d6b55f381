#include "http/etag.hpp"

#include <boost/json.hpp>

#include "core/digest.hpp"
#include "http/problem.hpp"

namespace kinora::http {

std::string etag_of(std::string_view body) {
  return "\"" + sha256_hex(body).substr(0, 16) + "\"";
}

std::string etag_of(const boost::json::value& representation) {
  return etag_of(std::string_view(boost::json::serialize(representation)));
}

response json_with_etag(unsigned status, const boost::json::value& body) {
  auto res = json(status, body);
  res.set("ETag", etag_of(std::string_view(res.body)));
  return res;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

status check_if_match(const request& req, const std::string& current, std::string_view detail) {
  const auto header = req.header("if-match");
  if (!header) return ok();
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto item = trim(rest.substr(0, comma));
    // Weak tags (W/"...") never match under the strong comparison If-Match requires.
    if (item == "*" || item == current) return ok();
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return fail(errc::precondition_failed, std::string(detail), "precondition-failed");
}

}  // namespace kinora::http
