#include "core/log.hpp"

#include <boost/json/serialize.hpp>

#include <chrono>
#include <cstdio>

#include "core/time.hpp"

namespace kinora {

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
  std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace kinora
