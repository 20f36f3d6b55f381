#pragma once
// Writes MovieLens into Kinora through the real stores: each movie a catalog title,
// each user an account with one profile, each training rating a finished viewing (a
// completed bookmark at the rating's time) and, for clear opinions, a thumbs rating.
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/viewer.hpp"
#include "eval/holdout.hpp"
#include "eval/movielens.hpp"
#include "storage/database.hpp"
#include "viewing/viewing.hpp"

namespace kinora::eval {

// 4.5-5 stars: love; 3.5-4: up; 2.5-3: no thumb (only watched); 0.5-2: down.
std::optional<viewing::rating> thumbs_for(double stars);
inline constexpr const char* rating_mapping =
    "every rating is a finished viewing at its time; 4.5-5 stars -> love (2 thumbs), "
    "3.5-4 -> thumbs up, 2.5-3 -> no thumb, 0.5-2 -> thumbs down";

// Running time given to movies TMDB does not cover: bookmarks need a duration.
inline constexpr int assumed_runtime_minutes = 100;
// Every eval account signs in with this password: "movielens-<userId>@eval.kinora.test".
inline constexpr const char* eval_password = "movielens";

struct imported_catalog {
  std::map<std::int64_t, std::int64_t> title_of;  // MovieLens movie id -> Kinora title id
  std::map<std::int64_t, std::int64_t> movie_of;  // and back
  std::size_t genres = 0;
};

// Titles, their genres, and popularity = how many users rated them in training.
imported_catalog import_catalog(storage::database& db, const movielens& data,
                                const std::vector<user_split>& users, std::int64_t now);

// One premium account and adult profile per user, with its training history.
std::map<std::int64_t, auth::viewer> import_users(storage::database& db,
                                                  const imported_catalog& catalog,
                                                  const std::vector<user_split>& users,
                                                  std::int64_t now);

}  // namespace kinora::eval
