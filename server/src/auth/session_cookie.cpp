#include "auth/session_cookie.hpp"

namespace kinora::auth {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const auto pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;  // not a name=value pair
    if (trim(pair.substr(0, eq)) != name) continue;
    auto value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

std::string format_set_cookie(std::string_view name, std::string_view value,
                              const cookie_attributes& a) {
  std::string out;
  out.reserve(name.size() + value.size() + a.path.size() + 64);
  out.append(name).append("=").append(value);
  out.append("; Path=").append(a.path);
  out.append("; HttpOnly; SameSite=Strict");
  out.append("; Max-Age=").append(std::to_string(a.max_age_seconds < 0 ? 0 : a.max_age_seconds));
  if (a.secure) out.append("; Secure");
  return out;
}

std::string format_clear_cookie(std::string_view name, std::string_view path, bool secure) {
  return format_set_cookie(name, "", {path, 0, secure});
}

}  // namespace kinora::auth
