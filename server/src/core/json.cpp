#include "core/json.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace kinora::json {

result<bj::object> parse_object(std::string_view body) {
  if (body.empty())
    return fail(errc::bad_request, "The request body is empty; expected a JSON object.",
                "malformed-json");
  bj::parse_options options;
  options.max_depth = 32;
  boost::system::error_code ec;
  bj::value v = bj::parse(body, ec, {}, options);
  if (ec) {
    return fail(errc::bad_request, "The request body is not valid JSON: " + ec.message() + ".",
                "malformed-json");
  }
  if (!v.is_object())
    return fail(errc::bad_request, "The request body must be a JSON object.", "malformed-json");
  return std::move(v.as_object());
}

const bj::value* object_reader::lookup(std::string_view key, bool required) {
  known_.emplace_back(key);
  const auto* v = object_.if_contains(key);
  if (v == nullptr && required) add_error(std::string(key), "is required");
  return v;
}

bool object_reader::take_null(std::string_view key) {
  const auto* v = object_.if_contains(key);
  if (v == nullptr || !v->is_null()) return false;
  known_.emplace_back(key);
  return true;
}

void object_reader::add_error(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

namespace {

std::optional<std::string> check_string(object_reader& r, std::string_view key, const bj::value& v,
                                        string_rule rule) {
  if (!v.is_string()) {
    r.add_error(std::string(key), "must be a string");
    return std::nullopt;
  }
  std::string s{v.as_string()};
  if (s.size() < rule.min_length) {
    r.add_error(std::string(key),
                rule.min_length == 1
                    ? "must not be empty"
                    : "must be at least " + std::to_string(rule.min_length) + " characters");
    return std::nullopt;
  }
  if (s.size() > rule.max_length) {
    r.add_error(std::string(key), "must be at most " + std::to_string(rule.max_length) + " bytes");
    return std::nullopt;
  }
  if (s.find('\0') != std::string::npos) {
    r.add_error(std::string(key), "must not contain NUL characters");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> check_int(object_reader& r, std::string_view key, const bj::value& v,
                                      std::int64_t min, std::int64_t max) {
  std::int64_t n;
  if (v.is_int64()) {
    n = v.as_int64();
  } else if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v.as_uint64());
  } else {
    r.add_error(std::string(key), "must be an integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    r.add_error(std::string(key),
                "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> check_enum(object_reader& r, std::string_view key, const bj::value& v,
                                      std::initializer_list<std::string_view> allowed) {
  auto s = check_string(r, key, v, {1, 64});
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
  std::string choices;
  for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
  r.add_error(std::string(key), "must be one of: " + choices);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> object_reader::required_string(std::string_view key, string_rule rule) {
  const auto* v = lookup(key, true);
  return v ? check_string(*this, key, *v, rule) : std::nullopt;
}

std::optional<std::string> object_reader::optional_string(std::string_view key, string_rule rule) {
  const auto* v = lookup(key, false);
  return v ? check_string(*this, key, *v, rule) : std::nullopt;
}

std::optional<std::int64_t> object_reader::required_int(std::string_view key, std::int64_t min,
                                                        std::int64_t max) {
  const auto* v = lookup(key, true);
  return v ? check_int(*this, key, *v, min, max) : std::nullopt;
}

std::optional<std::int64_t> object_reader::optional_int(std::string_view key, std::int64_t min,
                                                        std::int64_t max) {
  const auto* v = lookup(key, false);
  return v ? check_int(*this, key, *v, min, max) : std::nullopt;
}

std::optional<bool> object_reader::optional_bool(std::string_view key) {
  const auto* v = lookup(key, false);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    add_error(std::string(key), "must be a boolean");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> object_reader::optional_strings(std::string_view key,
                                                                        std::size_t max_items,
                                                                        string_rule rule) {
  const auto* v = lookup(key, false);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    add_error(std::string(key), "must be an array of strings");
    return std::nullopt;
  }
  const auto& arr = v->as_array();
  if (arr.size() > max_items) {
    add_error(std::string(key), "must have at most " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    auto s = check_string(*this, std::string(key) + "[" + std::to_string(i) + "]", arr[i], rule);
    if (!s) return std::nullopt;
    out.push_back(std::move(*s));
  }
  return out;
}

std::optional<std::string> object_reader::optional_enum(
    std::string_view key, std::initializer_list<std::string_view> allowed) {
  const auto* v = lookup(key, false);
  return v ? check_enum(*this, key, *v, allowed) : std::nullopt;
}

std::optional<std::string> object_reader::required_enum(
    std::string_view key, std::initializer_list<std::string_view> allowed) {
  const auto* v = lookup(key, true);
  return v ? check_enum(*this, key, *v, allowed) : std::nullopt;
}

status object_reader::finish(std::string_view what) {
  for (const auto& kv : object_) {
    if (std::find(known_.begin(), known_.end(), kv.key()) == known_.end())
      add_error(std::string(kv.key()), "is not a known field");
  }
  if (errors_.empty()) return ok();
  error e = fail(errc::validation, "The " + std::string(what) + " has invalid fields.");
  e.fields = std::move(errors_);
  return e;
}

std::string serialize(const bj::value& v) {
  return bj::serialize(v);
}

}  // namespace kinora::json
