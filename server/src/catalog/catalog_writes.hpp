#pragma once
// What the demo seed and the MovieLens import write into the catalog: whole titles with
// their genres, seasons and episodes. The catalog's own store does the writing, so its
// search columns and genre links are filled as for an admin's edit.
#include <cstdint>
#include <string>

#include "catalog/title.hpp"
#include "storage/database.hpp"

namespace kinora::catalog::writes {

using storage::connection;

std::int64_t insert_genre(connection& c, const std::string& slug, const std::string& name);
// Adds the genre unless one with that slug exists.
void ensure_genre(connection& c, const std::string& slug, const std::string& name);
// Links the title's genres by slug (create them first: an unknown slug links nothing).
std::int64_t insert_title(connection& c, const title& t);
std::int64_t insert_season(connection& c, const season& s);
std::int64_t insert_episode(connection& c, const episode& e);

}  // namespace kinora::catalog::writes
