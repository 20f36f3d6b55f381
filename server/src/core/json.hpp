#pragma once
// Strict reading of JSON request bodies: every field is type- and range-checked,
// unknown fields are rejected, and all problems are reported together.
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kinora::json {

namespace bj = boost::json;

result<bj::object> parse_object(std::string_view body);

struct string_rule {
  std::size_t min_length = 0;  // in bytes, after trimming nothing
  std::size_t max_length = 1000;
};

class object_reader {
 public:
  explicit object_reader(const bj::object& object) : object_(object) {}

  bool has(std::string_view key) const { return object_.contains(key); }
  // True (and the key counts as read) when the field is present and null.
  bool take_null(std::string_view key);

  std::optional<std::string> required_string(std::string_view key, string_rule rule = {});
  std::optional<std::string> optional_string(std::string_view key, string_rule rule = {});
  std::optional<std::int64_t> required_int(std::string_view key, std::int64_t min,
                                           std::int64_t max);
  std::optional<std::int64_t> optional_int(std::string_view key, std::int64_t min,
                                           std::int64_t max);
  std::optional<bool> optional_bool(std::string_view key);
  std::optional<std::vector<std::string>> optional_strings(std::string_view key,
                                                           std::size_t max_items,
                                                           string_rule rule = {});
  // One of `allowed`; reports the choices on mismatch.
  std::optional<std::string> optional_enum(std::string_view key,
                                           std::initializer_list<std::string_view> allowed);
  std::optional<std::string> required_enum(std::string_view key,
                                           std::initializer_list<std::string_view> allowed);

  void add_error(std::string field, std::string message);

  // Fails if any field was invalid or if the object holds keys nobody asked for.
  status finish(std::string_view what = "request body");

 private:
  const bj::value* lookup(std::string_view key, bool required);

  const bj::object& object_;
  std::vector<std::string> known_;
  std::vector<field_error> errors_;
};

std::string serialize(const bj::value& v);

}  // namespace kinora::json
