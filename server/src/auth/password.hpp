#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kinora::auth {

// Argon2id (libsodium), self-describing encoded string with salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded, std::string_view password);

}  // namespace kinora::auth
