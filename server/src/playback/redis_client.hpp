#pragma once
// One connection to Redis with bounded waits, for the session store and (wired in app/)
// the shared sign-in counters. Every call gives up within its timeout: a hung Redis
// (SIGSTOP, a full disk) costs a request about a second, never a queue of them.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct redisContext;

namespace kinora::playback {

struct redis_reply {
  enum class kind { nil, integer, string, status, array };
  kind type = kind::nil;
  std::int64_t integer = 0;
  std::string str;
  std::vector<redis_reply> elements;
};

class redis_client {
 public:
  // Bound of one command (and of waiting for the connection behind another command).
  static constexpr std::chrono::milliseconds command_timeout{1000};

  // redis://[:password@]host[:port][/db]. A Redis that is down is not fatal here: the
  // first command tries again.
  explicit redis_client(const std::string& url);
  ~redis_client();
  redis_client(const redis_client&) = delete;
  redis_client& operator=(const redis_client&) = delete;

  // Throws storage::storage_error (kind connection, source "Redis") when Redis does not
  // answer in time, and kind other for an error reply.
  redis_reply command(const std::vector<std::string>& args) {
    return command(args, command_timeout, command_timeout, false);
  }
  // `now`: connect even within the second after a failed connect (readiness probes).
  redis_reply command(const std::vector<std::string>& args, std::chrono::milliseconds timeout,
                      std::chrono::milliseconds lock_wait, bool now) {
    auto copy = args;
    return run(copy, timeout, lock_wait, now, std::nullopt);
  }

  // As command(), with args[deadline_arg] set to a moment half the timeout from now, in
  // milliseconds on Redis's clock (TIME; the offset from ours is measured at connect).
  // A script compares it with TIME to do nothing when it runs after we gave up on it.
  redis_reply command_with_deadline(std::vector<std::string> args, std::size_t deadline_arg);

  std::string description() const;

  struct endpoint {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string password;
    int db = 0;
  };
  // Throws std::invalid_argument for anything but redis://[:password@]host[:port][/db].
  static endpoint parse_url(const std::string& url);

 private:
  void connect(bool now = false, std::chrono::milliseconds wait = command_timeout);
  redis_reply raw(const std::vector<std::string>& args);
  void measure_clock();
  redis_reply run(std::vector<std::string>& args, std::chrono::milliseconds timeout,
                  std::chrono::milliseconds lock_wait, bool now,
                  std::optional<std::size_t> deadline_arg);
  void set_deadline(std::vector<std::string>& args, std::optional<std::size_t> at) const;

  endpoint url_;
  std::timed_mutex mutex_;
  redisContext* ctx_ = nullptr;
  std::chrono::milliseconds timeout_{command_timeout};
  bool timed_out_ = false;
  std::chrono::steady_clock::time_point retry_at_;
  std::string last_error_;
  std::int64_t offset_ms_ = 0;  // Redis TIME minus this host's clock
  std::chrono::steady_clock::time_point clock_measured_;
};

}  // namespace kinora::playback
