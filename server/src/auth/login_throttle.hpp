#pragma once
// Failed sign-ins and PINs, counted per (account, client address) pair, per address and
// per profile, in this process or (with --redis) in Redis so every instance counts the
// same failures. The owner signing in from elsewhere never waits for someone else's
// wrong passwords: only the pair that failed slows down, and an address that fails on
// many accounts (credential stuffing) is stopped as a whole.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kinora::auth {

struct attempt_count {
  std::int64_t count = 0;
  std::int64_t last_ms = 0;     // the latest failure
  std::int64_t expires_ms = 0;  // when the count is forgotten
};

class attempt_counters {
 public:
  virtual ~attempt_counters() = default;
  virtual attempt_count get(const std::string& key, std::int64_t now_ms) = 0;
  // One more failure at now_ms. The count is forgotten ttl_ms after its first failure
  // (a fixed window) or, sliding, after its latest.
  virtual attempt_count add(const std::string& key, std::int64_t now_ms, std::int64_t ttl_ms,
                            bool sliding) = 0;
  virtual void reset(const std::string& key) = 0;
};

std::unique_ptr<attempt_counters> make_memory_attempt_counters();
// Runs a Lua script (keys, then arguments) on the shared Redis and returns its reply, an
// array of integers; throws storage_error when Redis does not answer, and the counters
// fall back to this process's meanwhile.
using redis_eval = std::function<std::vector<std::int64_t>(const std::string& script,
                                                           const std::vector<std::string>& keys,
                                                           const std::vector<std::string>& args)>;
std::unique_ptr<attempt_counters> make_redis_attempt_counters(redis_eval eval);

struct throttle_settings {
  // Failures a pair may make before it waits 1 s, then 2 s, 4 s ... up to max_delay.
  std::int64_t free_failures = 5;
  std::int64_t max_delay_seconds = 15 * 60;
  // A pair's failures are forgotten this long after its latest one.
  std::int64_t pair_memory_seconds = 30 * 60;
  // Failed sign-ins one address may make across accounts per window.
  std::int64_t address_failures = 60;
  std::int64_t address_window_seconds = 5 * 60;
  std::int64_t pin_failures = 5;
  std::int64_t pin_window_seconds = 15 * 60;
};

class login_throttle {
 public:
  login_throttle(std::shared_ptr<attempt_counters> counters, throttle_settings settings)
      : counters_(std::move(counters)), settings_(settings) {}

  // Milliseconds before this account may be tried from this address; 0: now.
  std::int64_t sign_in_wait_ms(const std::string& email, const std::string& address,
                               std::int64_t now_ms);
  void sign_in_failed(const std::string& email, const std::string& address, std::int64_t now_ms);
  void sign_in_succeeded(const std::string& email, const std::string& address);

  std::int64_t pin_wait_ms(std::int64_t profile_id, std::int64_t now_ms);
  void pin_failed(std::int64_t profile_id, std::int64_t now_ms);
  void pin_succeeded(std::int64_t profile_id);

  // The wait after `failures` failures of one pair, from the latest (0 while free).
  std::int64_t pair_delay_ms(std::int64_t failures) const;

 private:
  std::shared_ptr<attempt_counters> counters_;
  throttle_settings settings_;
};

}  // namespace kinora::auth
