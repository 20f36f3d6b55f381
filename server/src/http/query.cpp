#include "http/query.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text.hpp"

namespace kinora::http {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

error bad_param(std::string_view name, std::string message) {
  error e = fail(errc::bad_request, "Query parameter '" + std::string(name) + "' " + message + ".",
                 "invalid-parameter");
  e.fields.push_back({std::string(name), std::move(message)});
  return e;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      const int hi = i + 1 < s.size() ? hex(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  if (!text::valid_utf8(out) || out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

result<query_params> query_params::parse(std::string_view raw) {
  query_params q;
  std::size_t start = 0;
  while (start <= raw.size() && !raw.empty()) {
    auto end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    const auto pair = raw.substr(start, end - start);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      auto name = percent_decode(pair.substr(0, eq), true);
      auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (!name || !value)
        return fail(errc::bad_request, "The query string has a malformed escape or invalid UTF-8.",
                    "malformed-query");
      q.items_.emplace_back(std::move(*name), std::move(*value));
    }
    start = end + 1;
  }
  return q;
}

std::optional<std::string_view> query_params::get(std::string_view name) const {
  // The last occurrence wins, as in most frameworks.
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->first == name) return std::string_view(it->second);
  return std::nullopt;
}

result<std::optional<std::int64_t>> query_params::optional_integer(std::string_view name,
                                                                   std::int64_t min,
                                                                   std::int64_t max) const {
  const auto raw = get(name);
  if (!raw) return std::optional<std::int64_t>{};
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), n);
  if (ec != std::errc{} || ptr != raw->data() + raw->size() || raw->empty())
    return bad_param(name, "must be an integer");
  if (n < min || n > max)
    return bad_param(name,
                     "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return std::optional<std::int64_t>{n};
}

result<std::int64_t> query_params::integer(std::string_view name, std::int64_t fallback,
                                           std::int64_t min, std::int64_t max) const {
  auto v = optional_integer(name, min, max);
  if (!v) return std::move(v).err();
  return v->value_or(fallback);
}

result<std::optional<std::string>> query_params::text(std::string_view name,
                                                      std::size_t max_length) const {
  const auto raw = get(name);
  if (!raw) return std::optional<std::string>{};
  if (raw->size() > max_length)
    return bad_param(name, "must be at most " + std::to_string(max_length) + " bytes");
  return std::optional<std::string>{std::string(*raw)};
}

result<std::optional<std::string>> query_params::one_of(
    std::string_view name, std::initializer_list<std::string_view> allowed) const {
  const auto raw = get(name);
  if (!raw) return std::optional<std::string>{};
  if (std::find(allowed.begin(), allowed.end(), *raw) != allowed.end())
    return std::optional<std::string>{std::string(*raw)};
  std::string choices;
  for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
  return bad_param(name, "must be one of: " + choices);
}

result<bool> query_params::flag(std::string_view name, bool fallback) const {
  const auto raw = get(name);
  if (!raw) return fallback;
  // Any case: clients that print booleans their own way ("True") mean the same.
  std::string lower(*raw);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "true" || lower == "1") return true;
  if (lower == "false" || lower == "0") return false;
  return bad_param(name, "must be true or false");
}

}  // namespace kinora::http
