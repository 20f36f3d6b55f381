#pragma once
// One viewer watching one title, or one channel, on one device. A session is live until it is ended
// or stops sending heartbeats; live sessions count against the account's stream limit.
#include <cstdint>
#include <string>

namespace kinora::playback {

struct playback_session {
  std::string id;  // 22 base64url characters, random
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t title_id = 0;      // 0 for a channel
  std::int64_t episode_id = 0;    // 0 for a movie
  std::int64_t channel_id = 0;    // the channel watched, or 0
  std::int64_t programme_id = 0;  // a channel's programme watched from its start, or 0
  std::string asset_id;           // what the URLs sign: the asset, or the channel's stream
  int duration_seconds = 0;       // of the media playing; 0 for a channel
  int position_seconds = 0;
  std::int64_t started_at = 0;
  std::int64_t last_heartbeat = 0;
  std::int64_t expires_at = 0;  // without a heartbeat by then, the session is over
  std::int64_t ended_at = 0;    // 0 while not ended by the viewer

  bool live(std::int64_t now) const { return ended_at == 0 && expires_at > now; }
};

}  // namespace kinora::playback
