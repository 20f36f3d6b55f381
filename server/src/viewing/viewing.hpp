#pragma once
// Viewing state per profile: where each movie or episode was left, what was rated,
// what is saved for later. Bookmarks double as the watch history the recommender reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_reads.hpp"
#include "catalog/title.hpp"

namespace kinora::viewing {

// A title counts as finished from 95% of its running time: credits are not watched.
inline constexpr int completion_percent = 95;
inline bool at_end(int position_seconds, int duration_seconds) {
  return position_seconds * 100LL >= completion_percent * static_cast<long long>(duration_seconds);
}

// Thumbs, as most streaming services ask: down, up, or "love it" (two thumbs up).
enum class rating { down = -1, up = 1, love = 2 };
std::string_view to_string(rating r);
std::optional<rating> parse_rating(std::string_view s);

struct bookmark {
  std::int64_t title_id = 0;
  std::optional<std::int64_t> episode_id;
  int position_seconds = 0;
  int duration_seconds = 0;
  bool completed = false;
  int watched_seconds = 0;  // the furthest point reached
  std::int64_t first_watched_at = 0;
  std::int64_t updated_at = 0;
};

struct continue_item {
  catalog::title title;
  std::optional<catalog::episode_ref> episode;
  int position_seconds = 0;
  int duration_seconds = 0;
  bool up_next = false;  // the episode after a finished one, from its start
  std::int64_t updated_at = 0;
};

struct history_item {
  catalog::title title;
  std::optional<catalog::episode_ref> episode;
  bookmark mark;
};

struct rating_item {
  catalog::title title;
  rating value = rating::up;
  std::int64_t updated_at = 0;
};

struct watchlist_item {
  catalog::title title;
  std::int64_t added_at = 0;
};

}  // namespace kinora::viewing
