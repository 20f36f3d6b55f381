#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "playback/session_store.hpp"

namespace kinora::playback {

namespace {

constexpr std::int64_t remember_seconds = 86400;

class memory_session_store final : public session_store {
 public:
  bool start(const playback_session& s, int limit, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    forget_old(now);
    int live = 0;
    for (const auto& [id, other] : sessions_)
      live += other.account_id == s.account_id && other.live(now);
    if (live >= limit) return false;
    sessions_[s.id] = s;
    return true;
  }

  std::optional<playback_session> find(const std::string& id) override {
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    return it->second;
  }

  bool touch(const std::string& id, int position, std::int64_t now,
             std::int64_t expires_at) override {
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end() || !it->second.live(now)) return false;
    it->second.position_seconds = position;
    it->second.last_heartbeat = now;
    it->second.expires_at = expires_at;
    return true;
  }

  bool end(const std::string& id, int position, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end() || !it->second.live(now)) return false;
    it->second.position_seconds = position;
    it->second.ended_at = now;
    return true;
  }

  std::vector<playback_session> live_sessions(std::int64_t account_id, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    std::vector<playback_session> out;
    for (const auto& [id, s] : sessions_)
      if (s.account_id == account_id && s.live(now)) out.push_back(s);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
    return out;
  }

  std::vector<playback_session> live_on(watched what, std::int64_t id, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    std::vector<playback_session> out;
    for (const auto& [sid, s] : sessions_)
      if ((what == watched::title ? s.title_id : s.channel_id) == id && s.live(now))
        out.push_back(s);
    return out;
  }

  std::string description() const override { return "in-process"; }
  void ping() override {}

 private:
  void forget_old(std::int64_t now) {
    std::erase_if(sessions_, [&](const auto& kv) {
      const auto over = kv.second.ended_at ? kv.second.ended_at : kv.second.expires_at;
      return over + remember_seconds < now;
    });
  }

  std::mutex mutex_;
  std::unordered_map<std::string, playback_session> sessions_;
};

}  // namespace

std::unique_ptr<session_store> make_memory_session_store() {
  return std::make_unique<memory_session_store>();
}

}  // namespace kinora::playback
