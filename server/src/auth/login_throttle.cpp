#include "auth/login_throttle.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "storage/database.hpp"

namespace kinora::auth {

namespace {

class memory_attempt_counters final : public attempt_counters {
 public:
  attempt_count get(const std::string& key, std::int64_t now_ms) override {
    std::lock_guard lock(mutex_);
    const auto it = counts_.find(key);
    if (it == counts_.end() || it->second.expires_ms <= now_ms) return {};
    return it->second;
  }

  attempt_count add(const std::string& key, std::int64_t now_ms, std::int64_t ttl_ms,
                    bool sliding) override {
    std::lock_guard lock(mutex_);
    // Bounded under a spray of distinct keys: expired entries go, at most once a second
    // (a map full of live entries is not rescanned on every failure).
    if (counts_.size() > 100'000 && now_ms >= next_prune_ms_) {
      std::erase_if(counts_, [&](const auto& e) { return e.second.expires_ms <= now_ms; });
      next_prune_ms_ = now_ms + 1000;
    }
    auto& c = counts_[key];
    if (c.expires_ms <= now_ms) c = {};
    if (c.count == 0 || sliding) c.expires_ms = now_ms + ttl_ms;
    ++c.count;
    c.last_ms = now_ms;
    return c;
  }

  void reset(const std::string& key) override {
    std::lock_guard lock(mutex_);
    counts_.erase(key);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, attempt_count> counts_;
  std::int64_t next_prune_ms_ = 0;
};

// A hash per key (n: failures, last: ms of the latest) with a millisecond expiry; each
// change is one script, so instances counting at once never lose a failure.
constexpr const char* get_script = R"lua(
local v = redis.call('HMGET', KEYS[1], 'n', 'last')
local ttl = redis.call('PTTL', KEYS[1])
if not v[1] or ttl < 0 then return {0, 0, 0} end
return {tonumber(v[1]), tonumber(v[2]), ttl}
)lua";

// ARGV: now (ms), ttl (ms), sliding (0/1).
constexpr const char* add_script = R"lua(
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[1])
if ARGV[3] == '1' or n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {n, tonumber(ARGV[1]), redis.call('PTTL', KEYS[1])}
)lua";

constexpr const char* reset_script = R"lua(
redis.call('DEL', KEYS[1])
return {}
)lua";

// While Redis does not answer, this instance counts on its own: the limits hold per
// instance rather than sign-in failing with Redis (which only playback needs).
class redis_attempt_counters final : public attempt_counters {
 public:
  explicit redis_attempt_counters(redis_eval eval) : eval_(std::move(eval)) {}

  attempt_count get(const std::string& key, std::int64_t now_ms) override {
    try {
      return count_of(eval_(get_script, {prefix + key}, {}), now_ms);
    } catch (const storage::storage_error&) {
      return local_.get(key, now_ms);
    }
  }

  attempt_count add(const std::string& key, std::int64_t now_ms, std::int64_t ttl_ms,
                    bool sliding) override {
    try {
      return count_of(eval_(add_script, {prefix + key},
                            {std::to_string(now_ms), std::to_string(ttl_ms), sliding ? "1" : "0"}),
                      now_ms);
    } catch (const storage::storage_error&) {
      return local_.add(key, now_ms, ttl_ms, sliding);
    }
  }

  void reset(const std::string& key) override {
    local_.reset(key);
    try {
      eval_(reset_script, {prefix + key}, {});
    } catch (const storage::storage_error&) {
    }
  }

 private:
  memory_attempt_counters local_;
  static attempt_count count_of(const std::vector<std::int64_t>& r, std::int64_t now_ms) {
    if (r.size() < 3 || r[0] <= 0) return {};
    return {r[0], r[1], now_ms + r[2]};
  }

  static constexpr const char* prefix = "kinora:login:";
  redis_eval eval_;
};

// An IPv6 client usually holds a whole /64 and can pick any address in it, so its /64 is
// what gets counted; an IPv4 address counts as itself.
std::string bucket_of(const std::string& address) {
  in6_addr a{};
  if (address.find(':') == std::string::npos || inet_pton(AF_INET6, address.c_str(), &a) != 1)
    return address;
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i && i % 2 == 0) out += ':';
    out += hex[a.s6_addr[i] >> 4];
    out += hex[a.s6_addr[i] & 15];
  }
  return out + "::/64";
}

std::string pair_key(const std::string& email, const std::string& address) {
  return "pair:" + bucket_of(address) + " " + email;
}
std::string address_key(const std::string& address) {
  return "addr:" + bucket_of(address);
}
std::string pin_key(std::int64_t profile_id) {
  return "pin:" + std::to_string(profile_id);
}

}  // namespace

std::unique_ptr<attempt_counters> make_memory_attempt_counters() {
  return std::make_unique<memory_attempt_counters>();
}

std::unique_ptr<attempt_counters> make_redis_attempt_counters(redis_eval eval) {
  return std::make_unique<redis_attempt_counters>(std::move(eval));
}

std::int64_t login_throttle::pair_delay_ms(std::int64_t failures) const {
  if (failures < settings_.free_failures) return 0;
  const auto doublings = failures - settings_.free_failures;
  const auto cap = settings_.max_delay_seconds * 1000;
  return doublings >= 30 ? cap : std::min<std::int64_t>(cap, std::int64_t{1000} << doublings);
}

std::int64_t login_throttle::sign_in_wait_ms(const std::string& email, const std::string& address,
                                             std::int64_t now_ms) {
  const auto pair = counters_->get(pair_key(email, address), now_ms);
  std::int64_t wait = pair.count ? pair.last_ms + pair_delay_ms(pair.count) - now_ms : 0;
  const auto addr = counters_->get(address_key(address), now_ms);
  if (addr.count >= settings_.address_failures) wait = std::max(wait, addr.expires_ms - now_ms);
  return std::max<std::int64_t>(wait, 0);
}

void login_throttle::sign_in_failed(const std::string& email, const std::string& address,
                                    std::int64_t now_ms) {
  const auto memory = std::max(settings_.pair_memory_seconds, settings_.max_delay_seconds) * 1000;
  counters_->add(pair_key(email, address), now_ms, memory, true);
  counters_->add(address_key(address), now_ms, settings_.address_window_seconds * 1000, false);
}

void login_throttle::sign_in_succeeded(const std::string& email, const std::string& address) {
  counters_->reset(pair_key(email, address));
}

std::int64_t login_throttle::pin_wait_ms(std::int64_t profile_id, std::int64_t now_ms) {
  const auto c = counters_->get(pin_key(profile_id), now_ms);
  return c.count >= settings_.pin_failures ? std::max<std::int64_t>(c.expires_ms - now_ms, 0) : 0;
}

void login_throttle::pin_failed(std::int64_t profile_id, std::int64_t now_ms) {
  counters_->add(pin_key(profile_id), now_ms, settings_.pin_window_seconds * 1000, false);
}

void login_throttle::pin_succeeded(std::int64_t profile_id) {
  counters_->reset(pin_key(profile_id));
}

}  // namespace kinora::auth
