#include "ai/json_file.hpp"

#include <boost/json/parse.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "ai/model_error.hpp"

namespace kinora::ai {

boost::json::value parse_json(std::string_view text, const std::string& origin) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) throw model_error(origin + ": invalid JSON (" + ec.message() + ")");
  return v;
}

json_file::json_file(const std::filesystem::path& path) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw model_error("missing file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  root_ = parse_json(text.str(), path.string());
  if (!root_.is_object()) throw model_error(path.string() + ": expected a JSON object");
}

const boost::json::value* json_file::find(std::string_view key) const {
  const auto& obj = root_.get_object();
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

void json_file::fail(std::string_view key, std::string_view what) const {
  throw model_error(path_.string() + ": \"" + std::string(key) + "\" " + std::string(what));
}

std::optional<std::int64_t> json_file::find_int(std::string_view key) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->get_uint64());
  }
  fail(key, "must be an integer");
}

std::int64_t json_file::get_int(std::string_view key) const {
  auto v = find_int(key);
  if (!v) fail(key, "is missing");
  return *v;
}

std::optional<double> json_file::find_double(std::string_view key) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_double()) return v->get_double();
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  fail(key, "must be a number");
}

double json_file::get_double(std::string_view key) const {
  auto v = find_double(key);
  if (!v) fail(key, "is missing");
  return *v;
}

std::optional<std::string> json_file::find_string(std::string_view key) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) fail(key, "must be a string");
  return std::string(v->get_string());
}

std::optional<bool> json_file::find_bool(std::string_view key) const {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) fail(key, "must be true or false");
  return v->get_bool();
}

}  // namespace kinora::ai
