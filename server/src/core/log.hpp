#pragma once
// Structured logs: one JSON object per line on stderr.
#include <boost/json/object.hpp>

#include <mutex>
#include <string_view>

namespace kinora {

enum class log_level { debug, info, warn, error };

class logger {
 public:
  explicit logger(log_level min = log_level::info) : min_(min) {}
  void write(log_level level, std::string_view message, boost::json::object fields = {});
  void info(std::string_view message, boost::json::object fields = {}) {
    write(log_level::info, message, std::move(fields));
  }
  void warn(std::string_view message, boost::json::object fields = {}) {
    write(log_level::warn, message, std::move(fields));
  }
  void error(std::string_view message, boost::json::object fields = {}) {
    write(log_level::error, message, std::move(fields));
  }

 private:
  log_level min_;
  std::mutex mutex_;
};

}  // namespace kinora
