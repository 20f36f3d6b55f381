#pragma once
// Rendered catalog responses keyed by what the profile may see and the query. Catalog
// reads dominate traffic and change only through admin writes: those clear this
// instance's cache at once; the TTL bounds how long another instance serves stale pages.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kinora::catalog {

class response_cache {
 public:
  using clock_type = std::chrono::steady_clock;

  explicit response_cache(std::chrono::milliseconds ttl, std::size_t max_entries = 20000)
      : ttl_(ttl), max_entries_(max_entries) {}

  std::optional<std::string> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || clock_type::now() >= it->second.expires) return std::nullopt;
    return it->second.body;
  }

  void store(const std::string& key, std::string body, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    // A write that cleared the cache while this body was being computed wins.
    if (generation != generation_) return;
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[key] = {std::move(body), clock_type::now() + ttl_};
  }

  std::uint64_t generation() {
    std::lock_guard lock(mutex_);
    return generation_;
  }

  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    ++generation_;
  }

 private:
  struct entry {
    std::string body;
    clock_type::time_point expires;
  };
  std::chrono::milliseconds ttl_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace kinora::catalog
