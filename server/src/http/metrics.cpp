#include "http/metrics.hpp"

#include <cstdio>

namespace kinora::http {

namespace {

std::string label(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

void metrics::observe(const std::string& route, std::string_view method, unsigned status,
                      double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, std::string(method), status}];
  auto& h = latency_[{route, std::string(method)}];
  for (std::size_t i = 0; i < std::size(bounds_); ++i)
    if (seconds <= bounds_[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void metrics::add_collector(collector c) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(c));
}

std::string metrics::render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  out += "# HELP kinora_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE kinora_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out += "kinora_http_requests_total{route=\"" + label(route) + "\",method=\"" + method +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP kinora_http_request_duration_seconds Time from parsed request to response.\n";
  out += "# TYPE kinora_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const std::string labels = "route=\"" + label(key.first) + "\",method=\"" + key.second + "\"";
    for (std::size_t i = 0; i < std::size(bounds_); ++i)
      out += "kinora_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             number(bounds_[i]) + "\"} " + std::to_string(h.buckets[i]) + "\n";
    out += "kinora_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "kinora_http_request_duration_seconds_sum{" + labels + "} " + number(h.sum) + "\n";
    out += "kinora_http_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) +
           "\n";
  }
  for (const auto& c : collectors_) c(out);
  return out;
}

}  // namespace kinora::http
