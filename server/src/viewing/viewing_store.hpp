#pragma once
// SQL for bookmarks (watch history), ratings and the watchlist, keyed by profile.
#include <optional>
#include <vector>

#include "auth/entitlement.hpp"
#include "storage/database.hpp"
#include "viewing/viewing.hpp"

namespace kinora::viewing::viewing_store {

using storage::connection;

void upsert_bookmark(connection& c, std::int64_t profile_id, const bookmark& b);
std::optional<bookmark> find_bookmark(connection& c, std::int64_t profile_id, std::int64_t title_id,
                                      std::optional<std::int64_t> episode_id);
// The title's most recently touched bookmark (for a series: the latest episode's).
std::optional<bookmark> latest_for_title(connection& c, std::int64_t profile_id,
                                         std::int64_t title_id);
// Lists join the titles and apply the profile's visibility filter, so pages and totals
// only ever count what the profile may see.
//
// The most recently touched bookmark of each visible title not dismissed, newest first,
// leaving out movies whose position is at their end.
std::vector<bookmark> in_progress(connection& c, std::int64_t profile_id,
                                  const auth::visibility_filter& v, std::int64_t limit);
std::vector<bookmark> history(connection& c, std::int64_t profile_id,
                              const auth::visibility_filter& v, std::int64_t limit,
                              std::int64_t offset);
std::int64_t history_size(connection& c, std::int64_t profile_id, const auth::visibility_filter& v);
bool dismiss(connection& c, std::int64_t profile_id, std::int64_t title_id);

void put_rating(connection& c, std::int64_t profile_id, std::int64_t title_id, rating r,
                std::int64_t now);
bool delete_rating(connection& c, std::int64_t profile_id, std::int64_t title_id);
std::vector<std::tuple<std::int64_t, rating, std::int64_t>> ratings(connection& c,
                                                                    std::int64_t profile_id);

// False when the title was already on the list.
bool add_to_watchlist(connection& c, std::int64_t profile_id, std::int64_t title_id,
                      std::int64_t now);
bool remove_from_watchlist(connection& c, std::int64_t profile_id, std::int64_t title_id);
std::vector<std::pair<std::int64_t, std::int64_t>> watchlist(connection& c,
                                                             std::int64_t profile_id);

}  // namespace kinora::viewing::viewing_store
