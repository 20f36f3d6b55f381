#pragma once
// The live TV guide as viewers read it: channels, their programmes, per-profile
// favorites and channel groups. Times are unix seconds, UTC.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/viewer.hpp"

namespace kinora::epg {

// The longest window one request may ask for: the guide holds a week.
inline constexpr std::int64_t max_window_seconds = 7 * 86400;
// Without `to`, a window is this long.
inline constexpr std::int64_t default_window_seconds = 6 * 3600;

struct channel {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string slug;
  std::string name;
  std::string category;
  std::string description;
  auth::tier tier = auth::tier::basic;
  auth::maturity maturity = auth::maturity::all;
  bool favorite = false;  // of the asking profile
};

struct programme {
  std::int64_t id = 0;
  std::int64_t channel_id = 0;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::string title;
  std::optional<std::string> subtitle;
  std::string description;
  std::string category;
  std::optional<std::int64_t> season;
  std::optional<std::int64_t> episode;
  std::string rating;  // an age rating: all, 7+, 13+, 16+, 18+
  std::optional<std::int64_t> title_id;
};

// [from, to): a programme is in it when it ends after `from` and starts before `to`.
struct time_window {
  std::int64_t from = 0;
  std::int64_t to = 0;
};

// What the request said; the service fills in the defaults and checks the rules.
struct window_request {
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
};

enum class favorites_mode { all, first, only };

struct channel_query {
  std::optional<std::string> category;
  favorites_mode favorites = favorites_mode::all;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

template <class T>
struct channel_page {
  std::vector<T> items;
  std::int64_t total = 0;  // channels matching the query that the profile may see
  std::int64_t limit = 0;
  std::int64_t offset = 0;
};

struct schedule {
  channel ch;
  time_window window;
  std::vector<programme> programmes;
};

struct grid_row {
  channel ch;
  std::vector<programme> programmes;  // in start order, overlapping the window
};

struct grid {
  time_window window;
  channel_page<grid_row> page;
};

struct now_next {
  channel ch;
  std::optional<programme> now;
  std::optional<programme> next;
};

struct now_playing {
  std::int64_t at = 0;
  channel_page<now_next> page;
};

struct favorite {
  channel ch;
  std::int64_t position = 0;  // 0-based, in the list the profile sees
  std::int64_t added_at = 0;
};

struct channel_group {
  std::string id;    // "favorites" or the category
  std::string name;  // "Favorites", "News", ...
  std::string kind;  // "favorites" or "category"
  std::vector<std::int64_t> channel_ids;
};

}  // namespace kinora::epg
