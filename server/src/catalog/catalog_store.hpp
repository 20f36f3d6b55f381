#pragma once
// SQL for titles, genres, seasons and episodes. Every read takes the visibility
// filter of the asking profile; admin reads pass `everything`.
#include <optional>
#include <vector>

#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "catalog/title.hpp"
#include "catalog/title_status.hpp"
#include "storage/database.hpp"

namespace kinora::catalog::catalog_store {

using auth::visibility_filter;
using storage::connection;

using catalog::everything;

page<title> list(connection& c, storage::dialect d, const visibility_filter& v,
                 const title_query& q);
// Every title with its media and embedding status; model_id: the loaded embedding model,
// or empty without one.
page<admin_title> admin_list(connection& c, const title_query& q, const std::string& model_id);
page<title> search(connection& c, storage::dialect d, const visibility_filter& v,
                   const std::vector<std::string>& words, const std::string& folded_query,
                   std::int64_t limit, std::int64_t offset);
std::optional<title> find(connection& c, const visibility_filter& v, std::int64_t id);
// The visible ones among `ids`, in no particular order (callers order them).
// Sets t.media and each episode's media for the viewer (title_status.hpp reads the same
// tables for the admin). demo_packaging: the first run's demo clips are still being
// packaged; every title without media gets one when that ends.
void fill_playability(connection& c, title& t, bool demo_packaging);
std::vector<title> find_many(connection& c, const visibility_filter& v,
                             const std::vector<std::int64_t>& ids);
std::vector<title> featured(connection& c, const visibility_filter& v, std::int64_t limit);

std::vector<genre> genres(connection& c, const visibility_filter& v);

// Unknown genre slugs, if any (admin writes name genres by slug).
std::vector<std::string> unknown_genres(connection& c, const std::vector<std::string>& slugs);
std::int64_t insert_title(connection& c, const title& t);
void update_title(connection& c, const title& t);
bool delete_title(connection& c, std::int64_t id);

std::optional<season> find_season(connection& c, std::int64_t id);
std::int64_t insert_season(connection& c, const season& s);
void update_season(connection& c, const season& s);
bool delete_season(connection& c, std::int64_t id);

std::optional<episode> find_episode(connection& c, std::int64_t id);
std::int64_t insert_episode(connection& c, const episode& e);
void update_episode(connection& c, const episode& e);
bool delete_episode(connection& c, std::int64_t id);

std::int64_t insert_genre(connection& c, const std::string& slug, const std::string& name);

}  // namespace kinora::catalog::catalog_store
