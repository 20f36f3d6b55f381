#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/viewer.hpp"

namespace kinora::auth {

inline constexpr std::size_t max_profiles_per_account = 5;

struct account {
  std::int64_t id = 0;
  std::string email;
  auth::tier tier = tier::basic;
  bool admin = false;
  std::int64_t created_at = 0;
};

struct profile {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string name;
  bool kids = false;
  maturity ceiling = maturity::age18;
  std::optional<std::string> pin_hash;
  std::int64_t created_at = 0;
};

struct token_pair {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_in = 0;  // seconds until the access token expires
};

// What login, refresh and profile selection hand back.
struct grant {
  auth::account account;
  auth::profile profile;
  std::vector<auth::profile> profiles;
  token_pair tokens;
};

struct new_account {
  std::string email;
  std::string password;
  auth::tier tier = tier::basic;
  bool admin = false;
};

struct profile_input {
  std::optional<std::string> name;
  std::optional<bool> kids;
  std::optional<maturity> ceiling;
  // Present and empty clears the PIN.
  std::optional<std::string> pin;
};

}  // namespace kinora::auth
