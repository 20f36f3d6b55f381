#pragma once
// Who is asking: the account and profile an access token names. Every route that
// shows content filters it through auth/entitlement.hpp with this. It lives in core,
// below both http (which carries it per request) and auth (which issues it).
#include <cstdint>

namespace kinora::auth {

enum class tier { basic = 1, standard = 2, premium = 3 };

// Age ratings, ordered; a profile's ceiling is the highest it may see.
enum class maturity { all = 0, age7 = 1, age13 = 2, age16 = 3, age18 = 4 };

enum class role { viewer, admin };

struct viewer {
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  auth::role role = role::viewer;
  auth::tier tier = tier::basic;
  auth::maturity ceiling = maturity::all;
  bool kids = false;
  // The refresh token (row) the access token was issued with: revoking it, or deleting its
  // profile or account, ends the access token too (checked on every request).
  std::int64_t refresh_id = 0;

  bool is_admin() const { return role == role::admin; }
};

}  // namespace kinora::auth
