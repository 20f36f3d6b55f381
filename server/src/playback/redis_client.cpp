#include "playback/redis_client.hpp"

#include <hiredis/hiredis.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "storage/database.hpp"

namespace kinora::playback {

namespace {

using reply_ptr = std::unique_ptr<redisReply, decltype(&freeReplyObject)>;

std::int64_t to_i64(const std::string& s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

timeval to_timeval(std::chrono::milliseconds ms) {
  return {static_cast<time_t>(ms.count() / 1000),
          static_cast<suseconds_t>(ms.count() % 1000 * 1000)};
}

std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

redis_reply convert(const redisReply& r) {
  redis_reply out;
  switch (r.type) {
    case REDIS_REPLY_INTEGER:
      out.type = redis_reply::kind::integer;
      out.integer = r.integer;
      break;
    case REDIS_REPLY_STRING:
      out.type = redis_reply::kind::string;
      out.str.assign(r.str, r.len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = redis_reply::kind::status;
      out.str.assign(r.str, r.len);
      break;
    case REDIS_REPLY_ARRAY:
      out.type = redis_reply::kind::array;
      for (std::size_t i = 0; i < r.elements; ++i) out.elements.push_back(convert(*r.element[i]));
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

redis_client::endpoint redis_client::parse_url(const std::string& url) {
  if (!url.starts_with("redis://"))
    throw std::invalid_argument("expected redis://host[:port][/db]");
  endpoint out;
  std::string rest = url.substr(8);
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    const auto db = rest.substr(slash + 1);
    if (!db.empty()) out.db = static_cast<int>(to_i64(db));
    rest = rest.substr(0, slash);
  }
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    auto auth = rest.substr(0, at);
    out.password = auth.substr(auth.find(':') == std::string::npos ? 0 : auth.find(':') + 1);
    rest = rest.substr(at + 1);
  }
  if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    out.port = static_cast<int>(to_i64(rest.substr(colon + 1)));
    rest = rest.substr(0, colon);
  }
  if (!rest.empty()) out.host = rest;
  return out;
}

static storage::storage_error unavailable_at(const std::string& where, const std::string& why) {
  return storage::storage_error(storage::storage_error::kind::connection,
                                "redis " + where + ": " + why, "Redis");
}

redis_client::redis_client(const std::string& url) : url_(parse_url(url)) {
  std::lock_guard lock(mutex_);
  try {
    connect();
  } catch (const storage::storage_error&) {
    retry_at_ = {};  // the first command tries again
  }
}

redis_client::~redis_client() {
  if (ctx_) redisFree(ctx_);
}

std::string redis_client::description() const {
  return "redis " + url_.host + ":" + std::to_string(url_.port) + "/" + std::to_string(url_.db);
}

void redis_client::set_deadline(std::vector<std::string>& args,
                                std::optional<std::size_t> at) const {
  if (!at) return;
  const auto deadline = std::chrono::system_clock::now() + timeout_ / 2;
  args.at(*at) = std::to_string(unix_ms(deadline) + offset_ms_);
}

redis_reply redis_client::command_with_deadline(std::vector<std::string> args,
                                                std::size_t deadline_arg) {
  return run(args, command_timeout, command_timeout, false, deadline_arg);
}

// A failed connect is not tried again for a second: commands fail at once meanwhile
// instead of each waiting out the timeout.
void redis_client::connect(bool now, std::chrono::milliseconds wait) {
  const auto where = url_.host + ":" + std::to_string(url_.port);
  if (ctx_) redisFree(ctx_);
  ctx_ = nullptr;
  if (!now && std::chrono::steady_clock::now() < retry_at_)
    throw unavailable_at(where, last_error_ + " (retrying within 1 s)");
  // The caller's bound covers connecting and the round trips below (a readiness probe
  // waits less than a command).
  const timeval timeout = to_timeval(wait);
  ctx_ = redisConnectWithTimeout(url_.host.c_str(), url_.port, timeout);
  if (!ctx_ || ctx_->err) {
    last_error_ = ctx_ ? ctx_->errstr : "out of memory";
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
    retry_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    throw unavailable_at(where, last_error_);
  }
  redisSetTimeout(ctx_, timeout);
  timeout_ = wait;
  if (!url_.password.empty()) raw({"AUTH", url_.password});
  if (url_.db != 0) raw({"SELECT", std::to_string(url_.db)});
  measure_clock();
}

// Redis's clock against ours, to half a round trip: scripts that must not act late are
// given deadlines on Redis's clock. Measured on connect and again each minute (a clock
// stepped by NTP on either side).
void redis_client::measure_clock() {
  const auto before = std::chrono::system_clock::now();
  const auto t = raw({"TIME"});
  const auto after = std::chrono::system_clock::now();
  if (t.elements.size() == 2) {
    const auto redis_ms = to_i64(t.elements[0].str) * 1000 + to_i64(t.elements[1].str) / 1000;
    offset_ms_ = redis_ms - (unix_ms(before) + unix_ms(after)) / 2;
  }
  clock_measured_ = std::chrono::steady_clock::now();
}

redis_reply redis_client::raw(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lens;
  for (const auto& a : args) {
    argv.push_back(a.data());
    lens.push_back(a.size());
  }
  auto* r = static_cast<redisReply*>(
      redisCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data()));
  reply_ptr reply(r, freeReplyObject);
  timed_out_ = false;
  if (!reply) {
    const auto where = url_.host + ":" + std::to_string(url_.port);
    // A broken connection is replaced; one that timed out (a hung Redis) is dropped.
    timed_out_ = ctx_->err == REDIS_ERR_IO &&
                 (errno == EAGAIN || std::strstr(ctx_->errstr, "temporarily unavailable"));
    const std::string why = ctx_->errstr[0] ? ctx_->errstr : "no reply";
    redisFree(ctx_);
    ctx_ = nullptr;
    if (timed_out_) {
      last_error_ = "no answer within " + std::to_string(timeout_.count()) + " ms";
      retry_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      throw unavailable_at(where, last_error_);
    }
    throw unavailable_at(where, why);
  }
  if (reply->type == REDIS_REPLY_ERROR)
    throw storage::storage_error(storage::storage_error::kind::other,
                                 "redis: " + std::string(reply->str, reply->len), "Redis");
  return convert(*reply);
}

// One connection, reconnected when it broke (a restarted Redis). The lock is bounded
// too: behind a command waiting on a hung Redis, others give up rather than queue.
redis_reply redis_client::run(std::vector<std::string>& args, std::chrono::milliseconds timeout,
                              std::chrono::milliseconds lock_wait, bool now,
                              std::optional<std::size_t> deadline_arg) {
  std::unique_lock lock(mutex_, std::defer_lock);
  // Against the system clock: libstdc++ then waits in pthread_mutex_timedlock, which
  // ThreadSanitizer follows (GCC 12's does not intercept the pthread_mutex_clocklock a
  // steady-clock wait uses, and reports every unlock as a bug). A clock step during
  // the wait only makes this one bounded wait shorter or longer.
  if (!lock.try_lock_until(std::chrono::system_clock::now() + lock_wait))
    throw unavailable_at(url_.host + ":" + std::to_string(url_.port),
                         "busy: no answer to another command yet");
  if (!ctx_) connect(now, timeout);
  if (timeout != timeout_) {
    redisSetTimeout(ctx_, to_timeval(timeout));
    timeout_ = timeout;
  }
  try {
    if (deadline_arg &&
        std::chrono::steady_clock::now() - clock_measured_ > std::chrono::minutes(1))
      measure_clock();
    set_deadline(args, deadline_arg);
    return raw(args);
  } catch (const storage::storage_error& e) {
    if (e.which() != storage::storage_error::kind::connection || timed_out_) throw;
  }
  connect(false, timeout);
  set_deadline(args, deadline_arg);
  return raw(args);
}

}  // namespace kinora::playback
