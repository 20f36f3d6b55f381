#include "core/log.hpp"

#include <boost/json/serialize.hpp>

#include <chrono>
#include <cstdio>

#include "core/time.hpp"

namespace kinora {

namespace {
constexpr std::size_t flush_bytes = 64 * 1024;
constexpr auto flush_interval = std::chrono::milliseconds(100);
}  // namespace

logger::logger(log_level min) : min_(min) {
  flusher_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, flush_interval);
      flush_locked(lock);
    }
  });
}

logger::~logger() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  flusher_.join();
  flush();
}

void logger::write(log_level level, std::string_view message, boost::json::object fields) {
  if (level < min_) return;
  static constexpr std::string_view names[] = {"debug", "info", "warn", "error"};
  boost::json::object line;
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::string ts = format_rfc3339(ms / 1000);
  ts.insert(ts.size() - 1, "." + std::to_string(1000 + ms % 1000).substr(1));
  line["ts"] = ts;
  line["level"] = names[static_cast<int>(level)];
  line["msg"] = message;
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  std::string text = boost::json::serialize(line);
  text.push_back('\n');

  std::unique_lock lock(mutex_);
  pending_ += text;
  if (level >= log_level::warn || pending_.size() >= flush_bytes) flush_locked(lock);
}

void logger::flush() {
  std::unique_lock lock(mutex_);
  flush_locked(lock);
}

void logger::flush_locked(std::unique_lock<std::mutex>&) {
  if (pending_.empty()) return;
  std::fwrite(pending_.data(), 1, pending_.size(), stderr);
  std::fflush(stderr);
  pending_.clear();
}

}  // namespace kinora
