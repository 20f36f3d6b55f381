#include "auth/rate_limiter.hpp"

namespace kinora::auth {

void rate_limiter::prune(std::deque<std::int64_t>& events, std::int64_t now) const {
  while (!events.empty() && events.front() <= now - window_) events.pop_front();
}

std::int64_t rate_limiter::retry_after(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(key);
  if (it == events_.end()) return 0;
  prune(it->second, now);
  if (it->second.size() < limit_) return 0;
  return it->second.front() + window_ - now;
}

void rate_limiter::record(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  // Keep the map from growing without bound under a spray of distinct keys.
  if (events_.size() > 100000) {
    for (auto it = events_.begin(); it != events_.end();) {
      prune(it->second, now);
      it = it->second.empty() ? events_.erase(it) : std::next(it);
    }
  }
  auto& events = events_[key];
  prune(events, now);
  events.push_back(now);
}

void rate_limiter::reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  events_.erase(key);
}

}  // namespace kinora::auth
