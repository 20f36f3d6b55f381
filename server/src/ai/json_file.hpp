#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kinora::ai {

// Small helpers around Boost.JSON for model configuration files: every failure is a
// model_error that names the file and the key.
class json_file {
 public:
  // Reads and parses the file; throws model_error if it is missing or malformed.
  explicit json_file(const std::filesystem::path& path);

  const std::filesystem::path& path() const noexcept { return path_; }
  const boost::json::value& root() const noexcept { return root_; }

  std::int64_t get_int(std::string_view key) const;
  std::optional<std::int64_t> find_int(std::string_view key) const;
  double get_double(std::string_view key) const;
  std::optional<double> find_double(std::string_view key) const;
  std::optional<std::string> find_string(std::string_view key) const;
  std::optional<bool> find_bool(std::string_view key) const;

 private:
  const boost::json::value* find(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, std::string_view what) const;

  std::filesystem::path path_;
  boost::json::value root_;
};

// Parses text that is already in memory (used for the safetensors header).
// Throws model_error mentioning `origin` on a syntax error.
boost::json::value parse_json(std::string_view text, const std::string& origin);

}  // namespace kinora::ai
