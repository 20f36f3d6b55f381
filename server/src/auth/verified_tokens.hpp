#pragma once
// Access tokens already verified, by their exact text, until they expire. A viewer sends
// the same token for up to 15 minutes; checking its HMAC and parsing its claims once,
// rather than on every request, is most of what a cached catalog answer would cost.
// Only the signature and claims are remembered: whether the sign-in still stands is asked
// separately (auth_service::authenticate).
#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/viewer.hpp"

namespace kinora::auth {

class verified_tokens {
 public:
  std::optional<viewer> find(std::string_view token, std::int64_t now) {
    auto& s = shard_of(token);
    std::lock_guard lock(s.mutex);
    const auto it = s.entries.find(token);  // no copy of the token per request
    if (it == s.entries.end() || it->second.expires_at <= now) return std::nullopt;
    return it->second.who;
  }

  void remember(std::string_view token, const viewer& who, std::int64_t expires_at) {
    auto& s = shard_of(token);
    std::lock_guard lock(s.mutex);
    if (s.entries.size() >= max_per_shard) s.entries.clear();  // mostly expired by then
    s.entries[std::string(token)] = {who, expires_at};
  }

 private:
  static constexpr std::size_t shard_count = 16;
  static constexpr std::size_t max_per_shard = 4096;
  struct entry {
    viewer who;
    std::int64_t expires_at = 0;
  };
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  struct shard {
    std::mutex mutex;
    std::unordered_map<std::string, entry, text_hash, std::equal_to<>> entries;
  };
  shard& shard_of(std::string_view token) {
    return shards_[std::hash<std::string_view>{}(token) % shard_count];
  }
  std::array<shard, shard_count> shards_;
};

}  // namespace kinora::auth
