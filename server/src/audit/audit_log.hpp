#pragma once
// The admin audit log: one entry per change made through an admin route, recorded by
// the router's admin-write hook (see add_routes), read back paged and filtered.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kinora::audit {

struct entry {
  std::string id;
  std::int64_t at = 0;
  std::int64_t account_id = 0;
  std::optional<std::string> email;  // none once the account is deleted
  std::string method;                // POST, PATCH, PUT, DELETE
  std::string route;                 // the route pattern: /api/v1/admin/titles/{id}
  std::string target;                // what it acted on: the created resource, or the path
  int status = 0;
};

struct filter {
  std::optional<std::int64_t> account_id;
  std::optional<std::string> area;  // first segment after /api/v1/admin/: titles, channels…
  std::optional<std::int64_t> since, until;
  std::int64_t limit = 50, offset = 0;
};

struct page {
  std::vector<entry> items;
  std::int64_t total = 0;
};

void record(storage::connection& c, const entry& e);
page list(storage::connection& c, const filter& f);

}  // namespace kinora::audit
