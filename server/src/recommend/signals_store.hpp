#pragma once
// The SQL behind the home rails over viewing history (bookmarks, ratings); the rails
// that list the catalog alone read catalog/catalog_reads.hpp. Every list is bounded by
// the profile's visibility.
#include <map>
#include <string>
#include <vector>

#include "auth/entitlement.hpp"
#include "recommend/taste.hpp"
#include "storage/database.hpp"

namespace kinora::recommend::signals_store {

using auth::visibility_filter;
using storage::connection;

// What the profile watched (bookmarks, per title) and how it rated, newest first.
std::vector<title_signal> profile_signals(connection& c, std::int64_t profile_id);
// Titles most profiles played in [since, until], then by popularity.
std::vector<std::int64_t> trending(connection& c, const visibility_filter& v, std::int64_t since,
                                   std::int64_t until, std::int64_t limit);
// Genre slugs of the titles, with how often each occurs.
std::map<std::string, double> genre_weights(connection& c,
                                            const std::map<std::int64_t, double>& title_weights);

}  // namespace kinora::recommend::signals_store
