#pragma once
// Structured logs: one JSON object per line on stderr. Lines are batched and written
// every 100 ms (or at 64 KiB) so request handlers never wait on a write per line;
// warnings, errors and shutdown flush at once.
#include <boost/json/object.hpp>

#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace kinora {

enum class log_level { debug, info, warn, error };

class logger {
 public:
  explicit logger(log_level min = log_level::info);
  ~logger();
  logger(const logger&) = delete;
  logger& operator=(const logger&) = delete;

  void write(log_level level, std::string_view message, const boost::json::object& fields = {});
  void info(std::string_view message, const boost::json::object& fields = {}) {
    write(log_level::info, message, fields);
  }
  void warn(std::string_view message, const boost::json::object& fields = {}) {
    write(log_level::warn, message, fields);
  }
  void error(std::string_view message, const boost::json::object& fields = {}) {
    write(log_level::error, message, fields);
  }
  void flush();

 private:
  void flush_locked(std::unique_lock<std::mutex>& lock);

  log_level min_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread flusher_;
};

}  // namespace kinora
