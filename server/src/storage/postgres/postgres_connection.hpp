#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace kinora::storage {

struct postgres_settings {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds statement_timeout{5000};
};

// Connects with libpq to a "postgresql://..." URL.
std::unique_ptr<connection> open_postgres(const std::string& url,
                                          const postgres_settings& settings = {});

}  // namespace kinora::storage
