#pragma once
// Where live sessions and stream counts are kept: in this process with the embedded
// default, or in Redis (--redis) so several instances enforce one limit together.
// Ended and expired sessions are remembered for a day, so a late heartbeat learns the
// session is over (410) rather than that it never existed (404).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/audience.hpp"
#include "playback/playback_session.hpp"

namespace kinora::playback {

class session_store {
 public:
  virtual ~session_store() = default;

  // Adds s unless the account already has `limit` live sessions; false when full.
  // Check and insert are one atomic step, also across instances.
  virtual bool start(const playback_session& s, int limit, std::int64_t now) = 0;
  // Live, ended or expired; nullopt when unknown (or forgotten).
  virtual std::optional<playback_session> find(const std::string& id) = 0;
  // Records a heartbeat on a live session; false when it is not live.
  virtual bool touch(const std::string& id, int position, std::int64_t now,
                     std::int64_t expires_at) = 0;
  // Ends a session; false when it was not live.
  virtual bool end(const std::string& id, int position, std::int64_t now) = 0;
  virtual std::vector<playback_session> live_sessions(std::int64_t account_id,
                                                      std::int64_t now) = 0;
  // Live sessions playing a title (any of its episodes) or a channel.
  virtual std::vector<playback_session> live_on(watched what, std::int64_t id,
                                                std::int64_t now) = 0;
  virtual std::string description() const = 0;
  // Answers a round trip (Redis PING); throws with the reason when the store is down.
  virtual void ping() = 0;
};

std::unique_ptr<session_store> make_memory_session_store();
// redis://[:password@]host[:port][/db]; throws when the server cannot be reached.
std::unique_ptr<session_store> make_redis_session_store(const std::string& url);

}  // namespace kinora::playback
