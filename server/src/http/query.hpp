#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kinora::http {

// Percent-decodes s; fails on a broken escape or invalid UTF-8.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// The query string of a request, decoded and checked.
class query_params {
 public:
  static result<query_params> parse(std::string_view raw);

  std::optional<std::string_view> get(std::string_view name) const;

  result<std::int64_t> integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                               std::int64_t max) const;
  result<std::optional<std::int64_t>> optional_integer(std::string_view name, std::int64_t min,
                                                       std::int64_t max) const;
  result<std::optional<std::string>> text(std::string_view name, std::size_t max_length) const;
  result<std::optional<std::string>> one_of(std::string_view name,
                                            std::initializer_list<std::string_view> allowed) const;
  result<bool> flag(std::string_view name, bool fallback) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace kinora::http
