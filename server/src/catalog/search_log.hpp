#pragma once
// The searches viewers make and how many titles each found, for the admin's questions
// ("searches that found nothing"). Noted in memory on the request path and written in
// batches, so a search costs no database write of its own.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/periodic_task.hpp"
#include "core/viewer.hpp"
#include "storage/database.hpp"

namespace kinora::catalog {

class search_log {
 public:
  search_log(storage::database& db, const clock& clk);
  ~search_log();

  // A search's first page; later pages of the same search are not new searches.
  void record(const auth::viewer& v, std::string_view query, std::int64_t results);
  // Writes what has been noted so far (also every few seconds, and on shutdown).
  void flush();

 private:
  struct entry {
    std::int64_t at, account_id, profile_id;
    auth::tier tier;
    std::string query;
    std::int64_t results;
  };
  static constexpr std::size_t max_pending = 10000;  // beyond it, flush on the request path

  storage::database& db_;
  const clock& clock_;
  std::mutex mutex_;
  std::vector<entry> pending_;
  periodic_task flusher_;
};

}  // namespace kinora::catalog
