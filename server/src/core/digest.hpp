#pragma once
// Encodings and digests several modules need (tokens, ETags, generated secrets).
#include <string>
#include <string_view>

namespace kinora {

std::string base64url(std::string_view bytes);  // RFC 4648 URL-safe, no padding
std::string sha256_hex(std::string_view bytes);

}  // namespace kinora
