#pragma once
// Instances of one deployment telling each other that shared data changed, over Redis
// pub/sub (--redis). announce() returns once every instance listening has run its
// handler (each acknowledges afterwards) or after a bound, so while Redis is healthy a
// request that starts after the announcing one has answered sees the change on every
// instance. An instance that cannot hear the others (Redis down, hung or restarting) is
// told, so it stops relying on anything it would otherwise have been told to drop.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "core/log.hpp"
#include "playback/redis_client.hpp"

namespace kinora::app {

class redis_change_feed {
 public:
  struct listener {
    std::function<void()> changed;      // some instance (this one too) announced the topic
    std::function<void(bool)> hearing;  // false: announcements may be missed until true
  };

  redis_change_feed(const std::string& redis_url, logger& log);
  ~redis_change_feed();  // stops listening

  // Before start(). Listeners start deaf: hearing(true) follows the first subscription.
  void listen(const std::string& topic, listener l);
  void start();

  // Never throws: when Redis cannot be told, the others keep what they have (logged).
  void announce(const std::string& topic);

  bool hearing() const { return hearing_.load(std::memory_order_acquire); }
  std::string description() const { return commands_.description(); }

 private:
  void run();
  void set_hearing(bool on);
  void deliver(const std::string& message);
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  playback::redis_client::endpoint endpoint_;
  playback::redis_client commands_;  // PUBLISH, acknowledgements: its own connection
  logger& log_;
  std::string channel_;
  std::string instance_;
  std::atomic<std::uint64_t> sequence_{0};
  std::map<std::string, listener> listeners_;
  std::atomic<bool> hearing_{false};
  std::atomic<bool> stopping_{false};
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace kinora::app
