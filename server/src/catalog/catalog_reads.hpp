#pragma once
// What other domains (playback, viewing, recommendations, the seed, eval) read of the
// catalog, so that the catalog keeps this SQL and catalog_store.hpp (its own store,
// behind its routes and admin) stays inside catalog/. Every title read takes the
// visibility filter of the asking profile; whole-catalog reads pass `everything`.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/entitlement.hpp"
#include "catalog/title.hpp"
#include "storage/database.hpp"

namespace kinora::catalog {

// Every tier and rating: for readers that decide entitlement themselves (playback says
// why it refuses) or serve no profile (the embedder).
inline constexpr auth::visibility_filter everything{3, 4};

// An episode with where it sits in its series.
struct episode_ref {
  std::int64_t id = 0;
  std::int64_t title_id = 0;
  int season_number = 0;
  int number = 0;
  std::string title;
  int runtime_minutes = 0;
};

namespace reads {

using auth::visibility_filter;
using storage::connection;

// A visible title with its genres, and for a series its seasons and episodes.
std::optional<title> find(connection& c, const visibility_filter& v, std::int64_t id);
// The visible ones among `ids` with their genres (no seasons), in no particular order.
std::vector<title> find_many(connection& c, const visibility_filter& v,
                             const std::vector<std::int64_t>& ids);
// As find_many, in the order of `ids`; the invisible and the deleted are left out.
std::vector<title> in_order(connection& c, const visibility_filter& v,
                            const std::vector<std::int64_t>& ids);
// The editors' picks, most popular first.
std::vector<title> featured(connection& c, const visibility_filter& v, std::int64_t limit);

// Ids of every visible title, in no particular order.
std::vector<std::int64_t> visible_ids(connection& c, const visibility_filter& v);
// Ids of every title, ascending.
std::vector<std::int64_t> all_ids(connection& c);
std::int64_t title_count(connection& c);

// Visible title ids for the home rails, best first (ties by id).
std::vector<std::int64_t> newest(connection& c, const visibility_filter& v, std::int64_t limit);
std::vector<std::int64_t> popular(connection& c, const visibility_filter& v, std::int64_t limit);
std::vector<std::int64_t> in_genre(connection& c, const visibility_filter& v,
                                   const std::string& genre_slug, std::int64_t limit);
// Titles other than `title_id` by how many genres they share with it, then popularity.
std::vector<std::int64_t> sharing_genres(connection& c, const visibility_filter& v,
                                         std::int64_t title_id, std::int64_t limit);

// (title id, genre slug) for each genre of each of `ids`, in no particular order.
std::vector<std::pair<std::int64_t, std::string>> genre_slugs(connection& c,
                                                              const std::vector<std::int64_t>& ids);
std::optional<std::string> genre_name(connection& c, const std::string& slug);

std::optional<episode_ref> find_episode(connection& c, std::int64_t episode_id);
// The episode after (season, number) in the series, if any; (0, 0) asks for the first.
std::optional<episode_ref> next_episode(connection& c, std::int64_t title_id, int season,
                                        int number);

}  // namespace reads
}  // namespace kinora::catalog
