#pragma once
// Live playout, computed from the wall clock: a channel's timeline is a grid of
// segment-long slots since the Unix epoch. Each programme (a "block") fills its slots by
// playing its packaged media from the start, again and again until the programme ends;
// gaps in the schedule play the slate. Segment n of the channel is slot n, so the media
// sequence number is a function of time, the same on every rendition and instance.
//
// Every pass of an asset starts with EXT-X-DISCONTINUITY (its timestamps start again).
// Those are counted from a block's discontinuity base, which the caller keeps so that
// the count never changes for a segment a player may have seen (see playout_store).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "live/packaged_media.hpp"
#include "media/hls_packager.hpp"

namespace kinora::live {

inline constexpr std::int64_t slot_seconds = media::segment_seconds;

inline std::int64_t slot_at(std::int64_t unix_seconds) {  // the slot playing then
  return unix_seconds >= 0 ? unix_seconds / slot_seconds : -((-unix_seconds + 3) / slot_seconds);
}
inline std::int64_t first_slot_from(std::int64_t unix_seconds) {  // first slot starting at or after
  return slot_at(unix_seconds + slot_seconds - 1);
}

struct block {
  std::int64_t first_slot = 0;
  std::int64_t end_slot = 0;  // exclusive
  std::shared_ptr<const packaged_media> media;
  std::int64_t programme_id = 0;  // 0: the slate filling a gap
  // The discontinuity sequence number of the block's first slot; each pass adds one.
  std::int64_t discontinuity_base = 0;

  std::int64_t passes() const;  // how many times the media starts in the block
};

enum class playlist_kind {
  live,   // a sliding window at the live edge
  event,  // start-over of a programme still on air: grows until it ends
  vod     // start-over of a programme that has ended
};

struct playlist_spec {
  std::string rendition;  // "720p", "audio", ...
  std::int64_t first_slot = 0;
  std::int64_t end_slot = 0;         // exclusive
  std::int64_t sequence_origin = 0;  // the slot with media sequence number 0
  playlist_kind kind = playlist_kind::live;
};

// "/media/{sig}/{expires}/{session}/{asset}/", with the media base URL in front.
using asset_prefix = std::function<std::string(const std::string& asset_id)>;

// The media playlist of `spec.rendition` over the slots of `spec`. `blocks` are
// contiguous, in order, and cover those slots. Empty when a block's media lacks the
// rendition (no package has no audio, and video falls back to another height).
std::string render_media_playlist(const std::vector<block>& blocks, const playlist_spec& spec,
                                  const asset_prefix& prefix);

// A channel's master playlist, made from a package's: the same ladder and audio, no
// subtitles (a programme's captions are its own), and "<rendition>.m3u8" URIs.
std::string render_master_playlist(const std::string& package_master);

}  // namespace kinora::live
