#pragma once
// SQL of live playout: what a channel's schedule plays, and its as-run record.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kinora::live::playout_store {

using storage::connection;

struct scheduled {
  std::int64_t programme_id = 0;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::optional<std::string> asset_id;  // the linked title's media, if it has any
};

// The channel's programmes overlapping [from, to), in start order. A programme plays the
// media of the episode it names, else its title's own, else the title's first episode.
std::vector<scheduled> programmes(connection& c, std::int64_t channel_id, std::int64_t from,
                                  std::int64_t to);
std::optional<scheduled> programme(connection& c, std::int64_t channel_id,
                                   std::int64_t programme_id);

std::optional<std::int64_t> run_base(connection& c, std::int64_t channel_id,
                                     std::int64_t first_slot);
// The highest base recorded for the channel.
std::optional<std::int64_t> latest_base(connection& c, std::int64_t channel_id);
// Records the block unless another instance did first; returns the recorded base.
std::int64_t record_run(connection& c, std::int64_t channel_id, std::int64_t first_slot,
                        std::int64_t base);
// Forgets blocks that started before `slot` (start-over reaches back a week).
void forget_runs_before(connection& c, std::int64_t channel_id, std::int64_t slot);

// Whether a programme of the channel overlapping [from, to) is of a title the asset is
// linked to.
bool schedules_asset(connection& c, std::int64_t channel_id, const std::string& asset_id,
                     std::int64_t from, std::int64_t to);

}  // namespace kinora::live::playout_store
