#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/viewer.hpp"

namespace kinora::catalog {

// Stored and shown as "movie" / "series" (the database checks the same two words).
enum class title_kind { movie, series };

constexpr std::string_view to_string(title_kind k) {
  return k == title_kind::series ? "series" : "movie";
}

constexpr std::optional<title_kind> parse_title_kind(std::string_view s) {
  for (auto k : {title_kind::movie, title_kind::series})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

struct genre {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::int64_t title_count = 0;  // visible to the asking profile
};

struct episode {
  std::int64_t id = 0;
  std::int64_t season_id = 0;
  int number = 0;
  std::string title;
  std::string synopsis;
  int runtime_minutes = 0;
  // Viewer detail only: ready | preparing | none (see store::fill_playability); empty elsewhere.
  std::string media{};
};

struct season {
  std::int64_t id = 0;
  std::int64_t title_id = 0;
  int number = 0;
  std::string name;
  std::vector<episode> episodes;
};

struct title {
  std::int64_t id = 0;
  std::string slug;
  title_kind kind = title_kind::movie;
  std::string name;
  std::string synopsis;
  int year = 0;
  int runtime_minutes = 0;
  auth::maturity maturity = auth::maturity::all;
  auth::tier tier = auth::tier::basic;
  std::vector<std::string> genres;  // slugs
  std::vector<std::string> cast;
  std::string director;
  std::vector<std::string> moods;
  std::vector<std::string> themes;
  std::int64_t popularity = 0;
  bool featured = false;
  std::int64_t added_at = 0;
  std::int64_t updated_at = 0;
  std::vector<season> seasons;  // filled for series on detail only
  // Viewer detail only: whether it plays now (ready), will once packaging ends
  // (preparing) or has nothing to play (none); empty elsewhere.
  std::string media{};
};

enum class sort_key { title, year, added, popularity };

struct title_query {
  std::optional<std::string> genre;
  std::optional<title_kind> kind;
  std::optional<std::int64_t> year_from;
  std::optional<std::int64_t> year_to;
  std::optional<auth::maturity> max_maturity;
  // Admin listing only: media and embedding status (see title_status.hpp).
  std::optional<std::string> media;
  std::optional<std::string> embedding;
  sort_key sort = sort_key::popularity;
  bool descending = true;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

template <class T>
struct page {
  std::vector<T> items;
  std::int64_t total = 0;
  std::int64_t limit = 0;
  std::int64_t offset = 0;
};

// Admin writes; on update, absent fields stay as they are.
struct title_input {
  std::optional<std::string> slug;
  std::optional<title_kind> kind;
  std::optional<std::string> name;
  std::optional<std::string> synopsis;
  std::optional<std::int64_t> year;
  std::optional<std::int64_t> runtime_minutes;
  std::optional<auth::maturity> maturity;
  std::optional<auth::tier> tier;
  std::optional<std::vector<std::string>> genres;
  std::optional<std::vector<std::string>> cast;
  std::optional<std::string> director;
  std::optional<std::vector<std::string>> moods;
  std::optional<std::vector<std::string>> themes;
  std::optional<std::int64_t> popularity;
  std::optional<bool> featured;
};

struct season_input {
  std::optional<std::int64_t> number;
  std::optional<std::string> name;
};

struct episode_input {
  std::optional<std::int64_t> number;
  std::optional<std::string> title;
  std::optional<std::string> synopsis;
  std::optional<std::int64_t> runtime_minutes;
};

}  // namespace kinora::catalog
