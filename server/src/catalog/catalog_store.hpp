#pragma once
// SQL for titles, genres, seasons and episodes. Every read takes the visibility
// filter of the asking profile; admin reads pass `everything`.
#include <optional>
#include <vector>

#include "auth/entitlement.hpp"
#include "catalog/title.hpp"
#include "storage/database.hpp"

namespace kinora::catalog::catalog_store {

using auth::visibility_filter;
using storage::connection;

inline constexpr visibility_filter everything{3, 4};

page<title> list(connection& c, storage::dialect d, const visibility_filter& v,
                 const title_query& q);
page<title> search(connection& c, storage::dialect d, const visibility_filter& v,
                   const std::vector<std::string>& words, const std::string& folded_query,
                   std::int64_t limit, std::int64_t offset);
std::optional<title> find(connection& c, const visibility_filter& v, std::int64_t id);
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
