// Sessions in Redis: a hash per session and, per account, a sorted set of its live
// session ids scored by expiry. Each change is one Lua script, so the limit check and
// the insert are atomic across every instance sharing the Redis.
#include <array>
#include <charconv>
#include <chrono>
#include <mutex>

#include "playback/redis_client.hpp"
#include "playback/session_store.hpp"
#include "storage/database.hpp"

namespace kinora::playback {

namespace {

constexpr std::int64_t remember_seconds = 86400;

// KEYS: account set, session hash, title or channel set. ARGV: now, limit, expires_at,
// ttl, id, deadline (ms on Redis's clock), then field/value pairs.
//
// A create the client was told failed must not take a slot. A command sent to a hung
// Redis (SIGSTOP, a stalled disk) waits in its socket buffer and runs when Redis resumes,
// long after we answered 503. So the script carries a deadline, half the command timeout
// after sending, on Redis's own clock (the offset is measured at connect): run later, it
// changes nothing and returns -1. Run in time, its answer has the other half of the
// timeout to reach us. No second round trip, nothing to undo, nothing remembered here.
// One window is left: a script run in time whose answer is held up past the timeout
// (Redis stopped between running it and replying). For that, a create that failed on
// the connection is also undone (undo_script) before this instance next starts or lists
// sessions; undoing one that never ran changes nothing, and one that runs after the
// undo is past its deadline.
// A session id already there (a retry over a new connection) is taken as started.
constexpr const char* start_script = R"lua(
local t = redis.call('TIME')
if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[6]) then
  return -1
end
if redis.call('ZSCORE', KEYS[1], ARGV[5]) then return 1 end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[5])
redis.call('HSET', KEYS[2], unpack(ARGV, 7))
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[5])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return 1
)lua";

// KEYS: account set, session hash, title or channel set. ARGV: id.
constexpr const char* undo_script = R"lua(
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('DEL', KEYS[2])
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

class redis_session_store final : public session_store {
 public:
  // A Redis that is down at start-up is not fatal: the server starts, is not ready
  // (/readyz: sessions.reachable false) and connects once Redis answers.
  explicit redis_session_store(const std::string& url) : redis_(url) {}

  bool start(const playback_session& s, int limit, std::int64_t now) override {
    settle();
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
                                  s.id,
                                  "deadline"};
    for (const auto& [field, value] : fields(s)) {
      args.push_back(field);
      args.push_back(value);
    }
    std::int64_t started = 0;
    try {
      started = redis_.command_with_deadline(std::move(args), 11).integer;
    } catch (const storage::storage_error& e) {
      if (e.which() == storage::storage_error::kind::connection) remember_undo(s);
      throw;
    }
    if (started < 0)
      throw storage::storage_error(storage::storage_error::kind::connection,
                                   "redis: the session arrived after its deadline (Redis slow)",
                                   "Redis");
    return started == 1;
  }

  std::optional<playback_session> find(const std::string& id) override {
    const auto r = redis_.command({"HGETALL", session_key(id)});
    if (r.elements.empty()) return std::nullopt;
    playback_session s;
    s.id = id;
    for (std::size_t i = 0; i + 1 < r.elements.size(); i += 2) {
      const std::string& k = r.elements[i].str;
      const std::string& v = r.elements[i + 1].str;
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
    settle();
    auto out = live_in(account_key(account_id), now);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
    return out;
  }

  std::vector<playback_session> live_on(watched what, std::int64_t id, std::int64_t now) override {
    settle();
    return live_in(target_key(what, id), now);
  }

  // Bounded below a second, for /readyz, and never failing fast: readiness tells the
  // truth the moment Redis answers again.
  void ping() override {
    redis_.command({"PING"}, std::chrono::milliseconds(600), std::chrono::milliseconds(100), true);
  }

  std::string description() const override { return redis_.description(); }

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
    const auto ids = redis_.command({"ZRANGEBYSCORE", set, "(" + std::to_string(now), "+inf"});
    std::vector<playback_session> out;
    for (const auto& member : ids.elements) {
      const std::string& id = member.str;
      if (auto s = find(id); s && s->live(now)) out.push_back(std::move(*s));
    }
    return out;
  }

  bool update(const std::string& id, int position, std::int64_t now, std::int64_t expires_at,
              bool ended) {
    return redis_
               .command(
                   {"EVAL", update_script, "1", session_key(id), std::to_string(now),
                    std::to_string(position), std::to_string(expires_at),
                    std::to_string(std::max<std::int64_t>(expires_at - now, 0) + remember_seconds),
                    ended ? "1" : "0"})
               .integer == 1;
  }

  // Creates that failed on the connection, to undo once Redis answers (start_script).
  void remember_undo(const playback_session& s) {
    std::lock_guard lock(undo_mutex_);
    // Bounded through a long outage; a session left over still ends at its expiry.
    if (undo_.size() >= 10'000) undo_.erase(undo_.begin());
    undo_.push_back({account_key(s.account_id), session_key(s.id), target_key(s), s.id});
  }

  void settle() {
    std::vector<std::array<std::string, 4>> pending;
    {
      std::lock_guard lock(undo_mutex_);
      if (undo_.empty()) return;
      pending.swap(undo_);
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const auto& [account, session, target, id] = pending[i];
      try {
        redis_.command({"EVAL", undo_script, "3", account, session, target, id});
      } catch (const storage::storage_error& e) {
        if (e.which() != storage::storage_error::kind::connection) continue;  // not retried
        // Still unreachable: kept for the next call (which fails the same way meanwhile).
        std::lock_guard lock(undo_mutex_);
        undo_.insert(undo_.begin(), pending.begin() + static_cast<std::ptrdiff_t>(i),
                     pending.end());
        throw;
      }
    }
  }

  redis_client redis_;
  std::mutex undo_mutex_;
  std::vector<std::array<std::string, 4>> undo_;
};

}  // namespace

std::unique_ptr<session_store> make_redis_session_store(const std::string& url) {
  return std::make_unique<redis_session_store>(url);
}

}  // namespace kinora::playback
