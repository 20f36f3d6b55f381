#include "app/redis_change_feed.hpp"

#include <hiredis/hiredis.h>
#include <poll.h>

#include <cerrno>
#include <charconv>

#include "core/clock.hpp"
#include "core/files.hpp"

namespace kinora::app {

namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// How long announce() waits for the other instances' acknowledgements, and how long a
// PING on the listening connection may go unanswered before it counts as lost.
constexpr auto ack_wait = 500ms;
constexpr auto ping_every = 1s;
constexpr auto pong_within = 1500ms;

// Names this instance in its announcements (acknowledgement keys must not collide).
std::string instance_name() {
  unsigned char bytes[8];
  secure_random().fill(bytes, sizeof bytes);
  return files::to_hex({reinterpret_cast<const char*>(bytes), sizeof bytes});
}

std::int64_t to_i64(const std::string& s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string ack_key(const std::string& token) {
  return "kinora:change-ack:" + token;
}

// A connection subscribed to `channel`, or null.
redisContext* subscribe(const playback::redis_client::endpoint& at, const std::string& channel) {
  const timeval timeout{1, 0};
  redisContext* c = redisConnectWithTimeout(at.host.c_str(), at.port, timeout);
  if (!c || c->err) {
    if (c) redisFree(c);
    return nullptr;
  }
  redisSetTimeout(c, timeout);
  auto ok = [&](void* r, int type) {
    const bool good = r != nullptr && static_cast<redisReply*>(r)->type == type;
    if (r) freeReplyObject(r);
    return good;
  };
  if (!at.password.empty() &&
      !ok(redisCommand(c, "AUTH %s", at.password.c_str()), REDIS_REPLY_STATUS)) {
    redisFree(c);
    return nullptr;
  }
  if (!ok(redisCommand(c, "SUBSCRIBE %s", channel.c_str()), REDIS_REPLY_ARRAY)) {
    redisFree(c);
    return nullptr;
  }
  return c;
}

bool flush(redisContext* c) {
  int done = 0;
  while (!done)
    if (redisBufferWrite(c, &done) != REDIS_OK) return false;
  return true;
}

}  // namespace

redis_change_feed::redis_change_feed(const std::string& redis_url, logger& log)
    : endpoint_(playback::redis_client::parse_url(redis_url)),
      commands_(redis_url),
      log_(log),
      // Channels are server-wide, not per database: the database index keeps two
      // deployments on one Redis apart.
      channel_("kinora:" + std::to_string(endpoint_.db) + ":changes"),
      instance_(instance_name()) {}

redis_change_feed::~redis_change_feed() {
  stopping_.store(true, std::memory_order_release);
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void redis_change_feed::listen(const std::string& topic, listener l) {
  listeners_[topic] = std::move(l);
}

void redis_change_feed::start() {
  for (auto& [topic, l] : listeners_) l.hearing(false);
  thread_ = std::thread([this] { run(); });
}

void redis_change_feed::set_hearing(bool on) {
  if (hearing_.exchange(on, std::memory_order_acq_rel) == on) return;
  if (on)
    log_.info("listening to other instances' changes", {{"redis", description()}});
  else
    log_.warn("not hearing other instances' changes; cached catalog pages are not served",
              {{"redis", description()}});
  for (auto& [topic, l] : listeners_) l.hearing(on);
}

void redis_change_feed::announce(const std::string& topic) {
  const auto token = instance_ + "-" + std::to_string(++sequence_);
  try {
    const auto receivers = commands_.command({"PUBLISH", channel_, topic + " " + token}).integer;
    const auto deadline = steady::now() + ack_wait;
    while (receivers > 0) {
      const auto acks = commands_.command({"GET", ack_key(token)});
      if (to_i64(acks.str) >= receivers) return;
      if (steady::now() >= deadline) {
        log_.warn("not every instance confirmed a change in time; they catch up by themselves",
                  {{"topic", topic}, {"instances", receivers}, {"confirmed", to_i64(acks.str)}});
        return;
      }
      std::this_thread::sleep_for(1ms);
    }
  } catch (const std::exception& e) {
    log_.warn("could not tell other instances about a change",
              {{"topic", topic}, {"error", e.what()}});
  }
}

void redis_change_feed::deliver(const std::string& message) {
  const auto space = message.find(' ');
  if (space == std::string::npos) return;
  const auto it = listeners_.find(message.substr(0, space));
  if (it != listeners_.end()) it->second.changed();
  const auto key = ack_key(message.substr(space + 1));
  try {
    commands_.command({"INCR", key});
    commands_.command({"PEXPIRE", key, "10000"});
  } catch (const std::exception& e) {
    log_.warn("could not confirm a change to the instance that made it", {{"error", e.what()}});
  }
}

void redis_change_feed::run() {
  while (!stopping()) {
    redisContext* c = subscribe(endpoint_, channel_);
    if (!c) {
      set_hearing(false);
      std::unique_lock lock(wake_mutex_);
      wake_.wait_for(lock, 500ms, [this] { return stopping(); });
      continue;
    }
    set_hearing(true);
    auto pinged = steady::now();
    bool ping_pending = false;
    bool lost = false;
    while (!stopping() && !lost) {
      pollfd p{c->fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, 200);
      if (ready < 0 && errno != EINTR) break;
      if (ready > 0) {
        if (redisBufferRead(c) != REDIS_OK) break;
        void* reply = nullptr;
        while (!lost) {
          if (redisGetReplyFromReader(c, &reply) != REDIS_OK) {
            lost = true;
          } else if (reply == nullptr) {
            break;
          } else {
            const auto* r = static_cast<redisReply*>(reply);
            if (r->type == REDIS_REPLY_ARRAY && r->elements >= 1) {
              const std::string kind(r->element[0]->str, r->element[0]->len);
              if (kind == "message" && r->elements == 3)
                deliver(std::string(r->element[2]->str, r->element[2]->len));
              else if (kind == "pong")
                ping_pending = false;
            }
            freeReplyObject(reply);
          }
        }
      }
      // A hung Redis sends nothing at all: ask it now and then.
      const auto now = steady::now();
      if (ping_pending && now - pinged > pong_within) break;
      if (!ping_pending && now - pinged > ping_every) {
        if (redisAppendCommand(c, "PING") != REDIS_OK || !flush(c)) break;
        ping_pending = true;
        pinged = now;
      }
    }
    redisFree(c);
    set_hearing(false);
  }
}

}  // namespace kinora::app
