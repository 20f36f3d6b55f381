#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/account.hpp"
#include "auth/login_throttle.hpp"
#include "auth/token_codec.hpp"
#include "auth/verified_tokens.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace kinora::auth {

// How long a rotated refresh token may come back and get the same successor instead of
// counting as stolen: two tabs or app instances refreshing at once both present it.
inline constexpr std::int64_t refresh_reuse_grace_seconds = 10;

struct auth_settings {
  std::string token_secret;
  std::int64_t access_ttl_seconds = 900;
  std::int64_t refresh_ttl_seconds = 30 * 24 * 3600;
  // Failed sign-ins one client address may make in 5 minutes, across accounts (households
  // share addresses). One account from one address slows down after 5 failures.
  std::size_t login_attempts_per_address = 60;
  std::int64_t refresh_reuse_grace_seconds = auth::refresh_reuse_grace_seconds;
  // How long this process trusts a session it found valid without asking the database
  // again. Revocations made here take effect at once; those made by another instance
  // within this. 0: ask on every request.
  std::int64_t standing_cache_ms = 1000;
};

class auth_service {
 public:
  // counters: where failed sign-ins and PINs are counted (null: in this process).
  auth_service(storage::database& db, const clock& clk, random_source& rnd, auth_settings settings,
               std::shared_ptr<attempt_counters> counters = nullptr);

  result<grant> register_account(const new_account& input, const std::string& profile_name);
  result<grant> login(const std::string& email, const std::string& password,
                      std::optional<std::int64_t> profile_id, const std::optional<std::string>& pin,
                      const std::string& client_address);
  result<grant> refresh(const std::string& refresh_token);
  status logout(const std::string& refresh_token);
  // The signature and expiry, then (one lookup) that the account exists and is enabled,
  // the profile exists and the sign-in the token came from was not revoked.
  // The token's signature, expiry and claims only, without the database: for deciding on a
  // request's head (an upload) before its body is read; authenticate() still runs after.
  result<viewer> verify_claims(std::string_view access_token);
  result<viewer> authenticate(std::string_view access_token);
  // authenticate() when its answer needs no database (the sign-in's standing was checked
  // within standing_cache_ms), else nullopt: for answering on an I/O thread.
  std::optional<viewer> authenticate_at_once(std::string_view access_token);
  // How long a refresh token lives (the Max-Age of the browser's refresh cookie).
  std::int64_t refresh_ttl_seconds() const { return settings_.refresh_ttl_seconds; }

  result<grant> current(const viewer& v);
  result<std::vector<profile>> profiles(const viewer& v);
  result<profile> create_profile(const viewer& v, const profile_input& input);
  result<profile> update_profile(const viewer& v, std::int64_t id, const profile_input& input);
  status delete_profile(const viewer& v, std::int64_t id);
  result<grant> select_profile(const viewer& v, std::int64_t id,
                               const std::optional<std::string>& pin);

  // For seeding and the CLI: no rate limits, no tokens.
  std::int64_t create_account_with_profiles(const new_account& input,
                                            const std::vector<profile>& profiles);
  // The first admin of an install (`kinora admin create`): a new Premium account with one
  // profile, or, when the email has an account, that account made an admin (its password
  // stays, and `password` is not asked for). True when the account was created.
  result<bool> ensure_admin(const std::string& email, const std::function<std::string()>& password);

 private:
  // New tokens; refresh_token is the new refresh token (random, or a rotation's successor).
  grant issue(storage::connection& c, const account& a, const profile& p, const std::string& family,
              std::string refresh_token);
  // An access token for an existing refresh token row (the successor handed out again).
  grant reissue(storage::connection& c, const account& a, const profile& p, std::int64_t refresh_id,
                std::string refresh_token);
  // The refresh token that replaces `token` when it is rotated: derived, not stored, so a
  // request within the grace can be given the same one again.
  std::string successor_of(const std::string& token) const;
  status check_pin(const profile& p, const std::optional<std::string>& pin);
  static viewer viewer_for(const account& a, const profile& p);

  // verify_claims() without the HMAC and parsing for a token seen before.
  result<viewer> checked_claims(std::string_view access_token);
  bool known_valid(const viewer& v, std::uint64_t epoch);
  void remember_valid(const viewer& v, std::uint64_t epoch);

  struct valid_session {
    std::int64_t account_id = 0;
    std::int64_t profile_id = 0;
    std::uint64_t epoch = 0;
    std::chrono::steady_clock::time_point until;
  };
  std::mutex sessions_mutex_;
  std::unordered_map<std::int64_t, valid_session> valid_sessions_;  // by refresh token id

  storage::database& db_;
  const clock& clock_;
  random_source& random_;
  auth_settings settings_;
  token_codec codec_;
  verified_tokens verified_;
  std::string dummy_hash_;  // verified against for unknown emails, so timing reveals nothing
  login_throttle throttle_;
};

}  // namespace kinora::auth
