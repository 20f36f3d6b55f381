#pragma once
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace kinora::storage {

// Opens (creating if needed) the SQLite file at `path` in WAL mode.
// synchronous_full: PRAGMA synchronous=FULL (durable across power loss) or NORMAL.
std::unique_ptr<connection> open_sqlite(const std::string& path, bool synchronous_full = true);

// "$1" -> "?1" outside quoted text, so one SQL string serves both backends.
std::string sqlite_placeholders(std::string_view sql);

}  // namespace kinora::storage
