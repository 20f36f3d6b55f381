#pragma once
#include <functional>
#include <memory>
#include <string>

#include "auth/account.hpp"
#include "auth/rate_limiter.hpp"
#include "auth/token_codec.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace kinora::auth {

struct auth_settings {
  std::string token_secret;
  std::int64_t access_ttl_seconds = 900;
  std::int64_t refresh_ttl_seconds = 30 * 24 * 3600;
  // Sign-in attempts one client address may make in 5 minutes (households share addresses).
  std::size_t login_attempts_per_address = 60;
};

class auth_service {
 public:
  auth_service(storage::database& db, const clock& clk, random_source& rnd, auth_settings settings);

  result<grant> register_account(const new_account& input, const std::string& profile_name);
  result<grant> login(const std::string& email, const std::string& password,
                      std::optional<std::int64_t> profile_id, const std::optional<std::string>& pin,
                      const std::string& client_address);
  result<grant> refresh(const std::string& refresh_token);
  status logout(const std::string& refresh_token);
  result<viewer> authenticate(std::string_view access_token) const;
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
  grant issue(storage::connection& c, const account& a, const profile& p,
              const std::string& family);
  status check_pin(const profile& p, const std::optional<std::string>& pin);
  static viewer viewer_for(const account& a, const profile& p);

  storage::database& db_;
  const clock& clock_;
  random_source& random_;
  auth_settings settings_;
  token_codec codec_;
  std::string dummy_hash_;  // verified against for unknown emails, so timing reveals nothing
  rate_limiter login_by_account_{5, 15 * 60};
  rate_limiter login_by_address_;
  rate_limiter pin_attempts_{5, 15 * 60};
};

}  // namespace kinora::auth
