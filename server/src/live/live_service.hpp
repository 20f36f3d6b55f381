#pragma once
// Channels as live HLS streams, assembled from the packaged media of their scheduled
// programmes (the slate where there is none) by the wall clock: a sliding window at the
// live edge, or start-over of one programme from its beginning, up to a week back.
// Nothing is transcoded or written per request; the only state is the as-run record.
#include <filesystem>
#include <map>
#include <mutex>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "live/packaged_media.hpp"
#include "live/playout.hpp"
#include "live/playout_store.hpp"
#include "storage/database.hpp"

namespace kinora::live {

// The live edge shows this many slots (40 s): enough for players to hold back three
// segments and still have room to recover from a late reload.
inline constexpr std::int64_t live_window_slots = 10;
// How far back start-over reaches.
inline constexpr std::int64_t start_over_seconds = 7 * 86400;

// What one playback session watches.
struct channel_stream {
  std::int64_t channel_id = 0;
  std::int64_t programme_id = 0;  // start-over of this programme; 0 for the live edge
};

class live_service {
 public:
  live_service(storage::database& db, const std::filesystem::path& hls_dir, const clock& clk)
      : db_(db), media_(hls_dir), clock_(clk) {}

  // A channel plays once the slate is packaged (409 no-media before).
  status ready();
  // The programme start-over would play: 404 when the channel has no such programme,
  // 422 when it has not started yet or started more than a week ago.
  result<playout_store::scheduled> start_over_programme(std::int64_t channel_id,
                                                        std::int64_t programme_id);

  result<std::string> master_playlist();
  // 404 for a rendition the channel ladder lacks.
  result<std::string> media_playlist(const channel_stream& stream, const std::string& rendition,
                                     const asset_prefix& prefix);

  // Whether the stream may be given the key of this asset: the slate, or media of a
  // programme it plays.
  bool plays_asset(const channel_stream& stream, const std::string& asset_id);

 private:
  std::shared_ptr<const packaged_media> slate();
  block block_for(const playout_store::scheduled& p);
  // The blocks of the channel's timeline from the UTC midnight before `from_slot` until
  // `to_slot`, gaps filled with the slate (split at midnight, so a gap's blocks are the
  // same whichever window asks).
  std::vector<block> timeline(std::int64_t channel_id, std::int64_t from_slot,
                              std::int64_t to_slot);
  // Sets the discontinuity base of each block from blocks[first] on that starts before
  // `end_slot`: as recorded, else following on from the block before, recording it.
  void number_blocks(std::int64_t channel_id, std::vector<block>& blocks, std::size_t first,
                     std::int64_t end_slot);
  std::optional<std::int64_t> known_base(storage::connection& c, std::int64_t channel_id,
                                         std::int64_t first_slot);
  // Stores a new block's base unless another instance did first; returns the stored one.
  std::int64_t record(storage::connection& c, std::int64_t channel_id, std::int64_t first_slot,
                      std::int64_t base);

  storage::database& db_;
  packaged_media_cache media_;
  const clock& clock_;
  std::mutex bases_mutex_;
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> bases_;  // as-run, cached
};

}  // namespace kinora::live
