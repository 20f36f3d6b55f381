#pragma once
// Browser sessions ("cookie mode"): the refresh token travels in an HttpOnly cookie
// instead of the JSON body, so page scripts never hold it. A request asks for it with
// the X-Kinora-Session: cookie header, which is also what the server requires before it
// honours the cookie: a cross-site form or link cannot send a custom header.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinora::auth {

inline constexpr std::string_view session_header = "x-kinora-session";  // lower-cased
inline constexpr std::string_view session_header_cookie = "cookie";
inline constexpr std::string_view refresh_cookie_name = "kinora_refresh";
// The cookie goes only to the auth routes (refresh and logout read it).
inline constexpr std::string_view refresh_cookie_path = "/api/v1/auth";

// The value of the cookie `name` in a Cookie request header ("a=1; b=\"2\""): whitespace
// around names and values is ignored, one pair of double quotes around a value is
// removed, the first of several with the name wins. nullopt when it is not there.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

struct cookie_attributes {
  std::string_view path = refresh_cookie_path;
  std::int64_t max_age_seconds = 0;
  bool secure = false;  // only over HTTPS
};

// A Set-Cookie value: name=value; Path=...; HttpOnly; SameSite=Strict; Max-Age=N[; Secure].
std::string format_set_cookie(std::string_view name, std::string_view value,
                              const cookie_attributes& attributes);

// A Set-Cookie value that makes the browser drop the cookie (empty value, Max-Age=0).
std::string format_clear_cookie(std::string_view name, std::string_view path, bool secure);

}  // namespace kinora::auth
