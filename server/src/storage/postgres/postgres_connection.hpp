#pragma once
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace kinora::storage {

// Connects with libpq to a "postgresql://..." URL.
std::unique_ptr<connection> open_postgres(const std::string& url);

}  // namespace kinora::storage
