// Sessions in Redis: a hash per session and, per account, a sorted set of its live
// session ids scored by expiry. Each change is one Lua script, so the limit check and
// the insert are atomic across every instance sharing the Redis.
#include <hiredis/hiredis.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "playback/session_store.hpp"
#include "storage/database.hpp"

namespace kinora::playback {

namespace {

constexpr std::int64_t remember_seconds = 86400;

// KEYS: account set, session hash, title or channel set. ARGV: now, limit, expires_at,
// ttl, id, then field/value pairs.
constexpr const char* start_script = R"lua(
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[5])
redis.call('HSET', KEYS[2], unpack(ARGV, 6))
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[5])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return 1
)lua";

// KEYS: session hash. ARGV: now, position, expires_at, ttl, ended (0/1).
constexpr const char* update_script = R"lua(
local s = redis.call('HMGET', KEYS[1], 'account_id', 'ended_at', 'expires_at', 'title_id',
                     'channel_id')
if not s[1] or tonumber(s[2]) ~= 0 or tonumber(s[3]) <= tonumber(ARGV[1]) then return 0 end
local account = 'kinora:playback:account:' .. s[1]
local target = s[4] ~= '0' and ('kinora:playback:title:' .. s[4])
                            or ('kinora:playback:channel:' .. (s[5] or '0'))
local id = string.sub(KEYS[1], string.len('kinora:playback:session:') + 1)
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[1], 'position_seconds', ARGV[2], 'ended_at', ARGV[1])
  redis.call('ZREM', account, id)
  redis.call('ZREM', target, id)
else
  redis.call('HSET', KEYS[1], 'position_seconds', ARGV[2], 'last_heartbeat', ARGV[1],
             'expires_at', ARGV[3])
  redis.call('ZADD', account, ARGV[3], id)
  redis.call('EXPIRE', account, ARGV[4])
  redis.call('ZADD', target, ARGV[3], id)
  redis.call('EXPIRE', target, ARGV[4])
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
)lua";

std::string session_key(const std::string& id) {
  return "kinora:playback:session:" + id;
}
std::string account_key(std::int64_t account) {
  return "kinora:playback:account:" + std::to_string(account);
}
// The update script builds the same names from a session's fields.
std::string target_key(watched what, std::int64_t id) {
  return std::string(what == watched::title ? "kinora:playback:title:"
                                            : "kinora:playback:channel:") +
         std::to_string(id);
}
std::string target_key(const playback_session& s) {
  return s.title_id ? target_key(watched::title, s.title_id)
                    : target_key(watched::channel, s.channel_id);
}

std::int64_t to_i64(const std::string& s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

using reply_ptr = std::unique_ptr<redisReply, decltype(&freeReplyObject)>;

struct redis_url {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;
  int db = 0;
};

redis_url parse_url(const std::string& url) {
  if (!url.starts_with("redis://"))
    throw std::invalid_argument("expected redis://host[:port][/db]");
  redis_url out;
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

class redis_session_store final : public session_store {
 public:
  // A Redis that is down at start-up is not fatal: the server starts, is not ready
  // (/readyz: sessions.reachable false) and connects once Redis answers.
  explicit redis_session_store(const std::string& url) : url_(parse_url(url)) {
    std::lock_guard lock(mutex_);
    try {
      connect();
    } catch (const storage::storage_error&) {
      retry_at_ = {};  // the first request tries again
    }
  }
  ~redis_session_store() override {
    if (ctx_) redisFree(ctx_);
  }

  bool start(const playback_session& s, int limit, std::int64_t now) override {
    const auto ttl = std::to_string(s.expires_at - now + remember_seconds);
    std::vector<std::string> args{"EVAL",
                                  start_script,
                                  "3",
                                  account_key(s.account_id),
                                  session_key(s.id),
                                  target_key(s),
                                  std::to_string(now),
                                  std::to_string(limit),
                                  std::to_string(s.expires_at),
                                  ttl,
                                  s.id};
    for (const auto& [field, value] : fields(s)) {
      args.push_back(field);
      args.push_back(value);
    }
    return command(args)->integer == 1;
  }

  std::optional<playback_session> find(const std::string& id) override {
    const auto r = command({"HGETALL", session_key(id)});
    if (r->type != REDIS_REPLY_ARRAY || r->elements == 0) return std::nullopt;
    playback_session s;
    s.id = id;
    for (std::size_t i = 0; i + 1 < r->elements; i += 2) {
      const std::string k(r->element[i]->str, r->element[i]->len);
      const std::string v(r->element[i + 1]->str, r->element[i + 1]->len);
      if (k == "asset_id")
        s.asset_id = v;
      else if (k == "account_id")
        s.account_id = to_i64(v);
      else if (k == "profile_id")
        s.profile_id = to_i64(v);
      else if (k == "title_id")
        s.title_id = to_i64(v);
      else if (k == "episode_id")
        s.episode_id = to_i64(v);
      else if (k == "channel_id")
        s.channel_id = to_i64(v);
      else if (k == "programme_id")
        s.programme_id = to_i64(v);
      else if (k == "duration_seconds")
        s.duration_seconds = static_cast<int>(to_i64(v));
      else if (k == "position_seconds")
        s.position_seconds = static_cast<int>(to_i64(v));
      else if (k == "started_at")
        s.started_at = to_i64(v);
      else if (k == "last_heartbeat")
        s.last_heartbeat = to_i64(v);
      else if (k == "expires_at")
        s.expires_at = to_i64(v);
      else if (k == "ended_at")
        s.ended_at = to_i64(v);
    }
    return s;
  }

  bool touch(const std::string& id, int position, std::int64_t now,
             std::int64_t expires_at) override {
    return update(id, position, now, expires_at, false);
  }

  bool end(const std::string& id, int position, std::int64_t now) override {
    return update(id, position, now, now, true);
  }

  std::vector<playback_session> live_sessions(std::int64_t account_id, std::int64_t now) override {
    auto out = live_in(account_key(account_id), now);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
    return out;
  }

  std::vector<playback_session> live_on(watched what, std::int64_t id, std::int64_t now) override {
    return live_in(target_key(what, id), now);
  }

  // Bounded below a second, for /readyz, and never failing fast: readiness tells the
  // truth the moment Redis answers again.
  void ping() override {
    command({"PING"}, std::chrono::milliseconds(600), std::chrono::milliseconds(100), true);
  }

  std::string description() const override {
    return "redis " + url_.host + ":" + std::to_string(url_.port) + "/" + std::to_string(url_.db);
  }

 private:
  static std::vector<std::pair<std::string, std::string>> fields(const playback_session& s) {
    return {{"account_id", std::to_string(s.account_id)},
            {"profile_id", std::to_string(s.profile_id)},
            {"title_id", std::to_string(s.title_id)},
            {"episode_id", std::to_string(s.episode_id)},
            {"channel_id", std::to_string(s.channel_id)},
            {"programme_id", std::to_string(s.programme_id)},
            {"asset_id", s.asset_id},
            {"duration_seconds", std::to_string(s.duration_seconds)},
            {"position_seconds", std::to_string(s.position_seconds)},
            {"started_at", std::to_string(s.started_at)},
            {"last_heartbeat", std::to_string(s.last_heartbeat)},
            {"expires_at", std::to_string(s.expires_at)},
            {"ended_at", std::to_string(s.ended_at)}};
  }

  // The live sessions among a sorted set's members (scored by expiry).
  std::vector<playback_session> live_in(const std::string& set, std::int64_t now) {
    const auto ids = command({"ZRANGEBYSCORE", set, "(" + std::to_string(now), "+inf"});
    std::vector<playback_session> out;
    for (std::size_t i = 0; i < ids->elements; ++i) {
      const std::string id(ids->element[i]->str, ids->element[i]->len);
      if (auto s = find(id); s && s->live(now)) out.push_back(std::move(*s));
    }
    return out;
  }

  bool update(const std::string& id, int position, std::int64_t now, std::int64_t expires_at,
              bool ended) {
    return command({"EVAL", update_script, "1", session_key(id), std::to_string(now),
                    std::to_string(position), std::to_string(expires_at),
                    std::to_string(std::max<std::int64_t>(expires_at - now, 0) + remember_seconds),
                    ended ? "1" : "0"})
               ->integer == 1;
  }

  storage::storage_error unavailable(const std::string& why) const {
    return storage::storage_error(
        storage::storage_error::kind::connection,
        "redis " + url_.host + ":" + std::to_string(url_.port) + ": " + why, "Redis");
  }

  // A failed connect is not tried again for a second: requests fail at once meanwhile
  // instead of each waiting out the timeout.
  void connect(bool now = false) {
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
    if (!now && std::chrono::steady_clock::now() < retry_at_)
      throw unavailable(last_error_ + " (retrying within 1 s)");
    const timeval timeout = to_timeval(command_timeout);
    ctx_ = redisConnectWithTimeout(url_.host.c_str(), url_.port, timeout);
    if (!ctx_ || ctx_->err) {
      last_error_ = ctx_ ? ctx_->errstr : "out of memory";
      if (ctx_) redisFree(ctx_);
      ctx_ = nullptr;
      retry_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      throw unavailable(last_error_);
    }
    redisSetTimeout(ctx_, timeout);
    timeout_ = command_timeout;
    if (!url_.password.empty()) raw({"AUTH", url_.password});
    if (url_.db != 0) raw({"SELECT", std::to_string(url_.db)});
  }

  static timeval to_timeval(std::chrono::milliseconds ms) {
    return {static_cast<time_t>(ms.count() / 1000),
            static_cast<suseconds_t>(ms.count() % 1000 * 1000)};
  }

  reply_ptr raw(const std::vector<std::string>& args) {
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
      // A broken connection is replaced; one that timed out (a hung Redis) is dropped.
      timed_out_ = ctx_->err == REDIS_ERR_IO &&
                   (errno == EAGAIN || std::strstr(ctx_->errstr, "temporarily unavailable"));
      const std::string why = ctx_->errstr[0] ? ctx_->errstr : "no reply";
      redisFree(ctx_);
      ctx_ = nullptr;
      if (timed_out_) {
        last_error_ = "no answer within " + std::to_string(timeout_.count()) + " ms";
        retry_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        throw unavailable(last_error_);
      }
      throw unavailable(why);
    }
    if (reply->type == REDIS_REPLY_ERROR)
      throw storage::storage_error(storage::storage_error::kind::other,
                                   "redis: " + std::string(reply->str, reply->len), "Redis");
    return reply;
  }

  // One connection, reconnected when it broke (a restarted Redis). The lock is bounded
  // too: behind a command waiting on a hung Redis, others give up rather than queue.
  reply_ptr command(const std::vector<std::string>& args,
                    std::chrono::milliseconds timeout = command_timeout,
                    std::chrono::milliseconds lock_wait = command_timeout, bool now = false) {
    std::unique_lock lock(mutex_, std::defer_lock);
    if (!lock.try_lock_for(lock_wait)) throw unavailable("busy: no answer to another command yet");
    if (!ctx_) connect(now);
    if (timeout != timeout_) {
      redisSetTimeout(ctx_, to_timeval(timeout));
      timeout_ = timeout;
    }
    try {
      return raw(args);
    } catch (const storage::storage_error& e) {
      if (e.which() != storage::storage_error::kind::connection || timed_out_) throw;
    }
    connect();
    return raw(args);
  }

  static constexpr std::chrono::milliseconds command_timeout{2000};
  redis_url url_;
  std::timed_mutex mutex_;
  redisContext* ctx_ = nullptr;
  std::chrono::milliseconds timeout_{command_timeout};
  bool timed_out_ = false;
  std::chrono::steady_clock::time_point retry_at_;
  std::string last_error_;
};

}  // namespace

std::unique_ptr<session_store> make_redis_session_store(const std::string& url) {
  return std::make_unique<redis_session_store>(url);
}

}  // namespace kinora::playback
