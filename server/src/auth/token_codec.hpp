#pragma once
// Access tokens: compact JWS (HS256) naming the account, profile, role and what the
// profile may see, so a request is authorised without a database round trip.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/digest.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"

namespace kinora::auth {

class token_codec {
 public:
  explicit token_codec(std::string secret) : secret_(std::move(secret)) {}

  std::string issue(const viewer& v, std::int64_t now, std::int64_t ttl_seconds) const;
  // Checks signature, algorithm, issuer and expiry; `expires_at` receives the expiry.
  result<viewer> verify(std::string_view token, std::int64_t now,
                        std::int64_t* expires_at = nullptr) const;
  // A keyed digest of input under the signing secret, as base64url (43 characters);
  // purpose separates what it is used for.
  std::string derive(std::string_view purpose, std::string_view input) const;

 private:
  std::string sign(std::string_view signing_input) const;
  std::string secret_;
};

}  // namespace kinora::auth
