#include "http/metrics.hpp"

#include <cstdio>
#include <thread>

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
  auto& s = shards_[std::hash<std::thread::id>{}(std::this_thread::get_id()) % shard_count];
  std::lock_guard lock(s.mutex);
  ++s.requests[{route, std::string(method), status}];
  auto& h = s.latency[{route, std::string(method)}];
  for (std::size_t i = 0; i < std::size(bounds_); ++i)
    if (seconds <= bounds_[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void metrics::add_collector(collector c) {
  std::lock_guard lock(collectors_mutex_);
  collectors_.push_back(std::move(c));
}

std::string metrics::render() const {
  request_counts requests;
  latencies latency;
  for (auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    for (const auto& [key, n] : s.requests) requests[key] += n;
    for (const auto& [key, h] : s.latency) {
      auto& sum = latency[key];
      for (std::size_t i = 0; i < std::size(bounds_); ++i) sum.buckets[i] += h.buckets[i];
      sum.count += h.count;
      sum.sum += h.sum;
    }
  }
  std::string out;
  out += "# HELP kinora_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE kinora_http_requests_total counter\n";
  for (const auto& [key, n] : requests) {
    const auto& [route, method, status] = key;
    out += "kinora_http_requests_total{route=\"" + label(route) + "\",method=\"" + method +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP kinora_http_request_duration_seconds Time from parsed request to response.\n";
  out += "# TYPE kinora_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency) {
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
  std::lock_guard lock(collectors_mutex_);
  for (const auto& c : collectors_) c(out);
  return out;
}

}  // namespace kinora::http
