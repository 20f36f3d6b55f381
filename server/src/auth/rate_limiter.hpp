#pragma once
// Sliding-window counters in process memory (per instance; a shared store comes with
// the Redis option).
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kinora::auth {

class rate_limiter {
 public:
  rate_limiter(std::size_t limit, std::int64_t window_seconds)
      : limit_(limit), window_(window_seconds) {}

  // Seconds until another event is allowed for key; 0 when allowed now.
  std::int64_t retry_after(const std::string& key, std::int64_t now);
  void record(const std::string& key, std::int64_t now);
  void reset(const std::string& key);

 private:
  void prune(std::deque<std::int64_t>& events, std::int64_t now) const;

  std::size_t limit_;
  std::int64_t window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> events_;
};

}  // namespace kinora::auth
