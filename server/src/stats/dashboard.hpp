#pragma once
// The admin dashboard's figures: what the catalogue, the guide, the accounts and the
// viewers look like right now, each computed by one SQL aggregate so it stays fast at
// MovieLens size (10k titles, 100k plays). Reads other domains' tables on purpose: a
// report spans them all and writes nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace kinora::stats {

using counts = std::vector<std::pair<std::string, std::int64_t>>;  // key -> count, by key

struct channel_coverage {
  std::int64_t id = 0;
  int number = 0;
  std::string name;
  std::optional<std::int64_t> scheduled_until;  // end of the last programme; none if empty
  std::int64_t gaps = 0;                        // holes between now and 7 days ahead
};

struct day_count {
  std::int64_t day_start = 0;  // 00:00 UTC
  std::int64_t plays = 0;
};

struct title_plays {
  std::int64_t id = 0;
  std::string title;
  std::int64_t plays = 0;
};

struct media_job_row {
  std::string id;
  std::string status;
  int progress = 0;
  std::int64_t title_id = 0;
  std::string title;
  std::optional<std::string> error;
  std::int64_t updated_at = 0;
};

struct dashboard {
  std::int64_t generated_at = 0;
  std::int64_t titles = 0;
  counts titles_by_type, titles_by_tier, titles_by_rating;
  std::int64_t titles_without_media = 0;
  std::int64_t titles_without_embedding = 0;
  std::int64_t accounts = 0;
  counts accounts_by_tier;
  std::int64_t watching_now = 0;  // titles with progress saved within the last 90 s
  std::vector<channel_coverage> channels;
  std::vector<day_count> plays_per_day;  // the last 7 UTC days, oldest first, zeros kept
  std::vector<title_plays> most_played;  // the last 7 days, top 10
  std::vector<media_job_row> recent_media_jobs;
};

// How long a heartbeat keeps a viewer counted as watching.
inline constexpr std::int64_t watching_window_seconds = 90;

dashboard collect_dashboard(storage::connection& c, std::int64_t now);

}  // namespace kinora::stats
