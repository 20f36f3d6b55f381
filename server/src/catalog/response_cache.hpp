#pragma once
// Rendered catalog responses keyed by what the profile may see and the query. Catalog
// reads dominate traffic and change only through admin writes and media jobs: those
// clear the cache at once, and through the announcer (wired in app/, Redis with --redis)
// every other instance's too. Without an announcer the TTL bounds how long another
// instance serves stale pages.
// Sharded by key, so I/O threads answering from it at once rarely meet on one lock.
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kinora::catalog {

// A rendered body and the number of items it counts (a search's total, for its log).
struct cached_page {
  std::string body;
  std::int64_t total = 0;
};

class response_cache {
 public:
  using clock_type = std::chrono::steady_clock;

  explicit response_cache(std::chrono::milliseconds ttl, std::size_t max_entries = 20000)
      : ttl_(ttl), max_per_shard_(std::max<std::size_t>(1, max_entries / shard_count)) {}

  std::optional<cached_page> find(const std::string& key) {
    if (suspended_.load(std::memory_order_acquire)) return std::nullopt;
    auto& s = shard_of(key);
    std::lock_guard lock(s.mutex);
    const auto it = s.entries.find(key);
    if (it == s.entries.end() || clock_type::now() >= it->second.expires) return std::nullopt;
    return it->second.page;
  }

  void store(const std::string& key, cached_page page, std::uint64_t generation) {
    auto& s = shard_of(key);
    std::lock_guard lock(s.mutex);
    // A write that cleared the cache while this body was being computed wins: clear()
    // moves the generation on before it empties any shard.
    if (generation != generation_.load(std::memory_order_acquire) ||
        suspended_.load(std::memory_order_acquire))
      return;
    if (s.entries.size() >= max_per_shard_) s.entries.clear();
    s.entries[key] = {std::move(page), clock_type::now() + ttl_};
  }

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  // What changed the catalog calls: drops this instance's pages, then the announcer's
  // (other instances') before returning.
  void clear() {
    clear_here();
    if (announce_) announce_();
  }

  // Another instance's clear() arriving.
  void clear_here() {
    generation_.fetch_add(1, std::memory_order_acq_rel);
    for (auto& s : shards_) {
      std::lock_guard lock(s.mutex);
      s.entries.clear();
    }
  }

  // Set once at start-up, before requests.
  void set_announcer(std::function<void()> announce) { announce_ = std::move(announce); }

  // While this instance cannot hear other instances' clears, it serves nothing cached:
  // a page it kept could be stale for as long as the TTL.
  void suspend(bool suspended) {
    if (suspended) clear_here();
    suspended_.store(suspended, std::memory_order_release);
    if (!suspended) clear_here();  // whatever was announced while deaf
  }

 private:
  static constexpr std::size_t shard_count = 16;
  struct entry {
    cached_page page;
    clock_type::time_point expires;
  };
  struct shard {
    std::mutex mutex;
    std::unordered_map<std::string, entry> entries;
  };
  shard& shard_of(const std::string& key) {
    return shards_[std::hash<std::string>{}(key) % shard_count];
  }

  std::chrono::milliseconds ttl_;
  std::size_t max_per_shard_;
  std::array<shard, shard_count> shards_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<bool> suspended_{false};
  std::function<void()> announce_;
};

}  // namespace kinora::catalog
