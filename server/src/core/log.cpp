#include "core/log.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

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

namespace {

// JSON string content, escaped as RFC 8259 requires.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += "\\u00";
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15]);
    } else {
      out.push_back(c);
    }
  }
}

void append_value(std::string& out, const boost::json::value& v) {
  char buf[32];
  if (v.is_string()) {
    out.push_back('"');
    append_escaped(out, v.get_string());
    out.push_back('"');
  } else if (v.is_double() && !std::isfinite(v.get_double())) {
    out += "null";
  } else if (v.is_int64() || v.is_uint64() || v.is_double()) {
    const auto end = v.is_int64()    ? std::to_chars(buf, buf + sizeof buf, v.get_int64()).ptr
                     : v.is_uint64() ? std::to_chars(buf, buf + sizeof buf, v.get_uint64()).ptr
                                     : std::to_chars(buf, buf + sizeof buf, v.get_double()).ptr;
    out.append(buf, end);
  } else {
    out += boost::json::serialize(v);  // booleans, null, arrays, objects: rare in logs
  }
}

// "2026-12-07T06:55:01.123Z": the part up to the second changes once a second per thread.
void append_timestamp(std::string& out) {
  thread_local std::int64_t second = -1;
  thread_local std::string prefix;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  if (ms / 1000 != second) {
    second = ms / 1000;
    prefix = format_rfc3339(second);
    prefix.pop_back();  // the 'Z'
  }
  out += prefix;
  const auto milli = static_cast<int>(ms % 1000);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + milli / 100));
  out.push_back(static_cast<char>('0' + milli / 10 % 10));
  out.push_back(static_cast<char>('0' + milli % 10));
  out.push_back('Z');
}

}  // namespace

void logger::write(log_level level, std::string_view message, const boost::json::object& fields) {
  if (level < min_) return;
  static constexpr std::string_view names[] = {"debug", "info", "warn", "error"};
  // One line per request: written directly rather than through a JSON document.
  std::string text;
  text.reserve(256);
  text += "{\"ts\":\"";
  append_timestamp(text);
  text += "\",\"level\":\"";
  text += names[static_cast<int>(level)];
  text += "\",\"msg\":\"";
  append_escaped(text, message);
  text.push_back('"');
  for (const auto& kv : fields) {
    if (kv.key() == "ts" || kv.key() == "level" || kv.key() == "msg") continue;
    text += ",\"";
    append_escaped(text, kv.key());
    text += "\":";
    append_value(text, kv.value());
  }
  text += "}\n";

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
