#include "catalog/search_log.hpp"

#include "auth/entitlement.hpp"
#include "core/text.hpp"

namespace kinora::catalog {

search_log::search_log(storage::database& db, const clock& clk) : db_(db), clock_(clk) {
  flusher_.start(std::chrono::seconds(5), periodic_task::first_run::after_interval, [this] {
    try {
      flush();
    } catch (const storage::storage_error&) {
      // The database is away; the entries stay pending for the next round.
    }
  });
}

search_log::~search_log() {
  flusher_.stop();
  try {
    flush();
  } catch (const storage::storage_error&) {
  }
}

void search_log::record(const auth::viewer& v, std::string_view query, std::int64_t results) {
  auto folded = text::fold(query);
  if (folded.empty()) return;
  bool full = false;
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(
        {clock_.now_unix(), v.account_id, v.profile_id, v.tier, std::move(folded), results});
    full = pending_.size() >= max_pending;
  }
  if (!full) return;
  try {
    flush();
  } catch (const storage::storage_error&) {
    // The database stays away: keep the newest entries, bounded.
    std::lock_guard lock(mutex_);
    if (pending_.size() > max_pending)
      pending_.erase(pending_.begin(), pending_.end() - static_cast<std::ptrdiff_t>(max_pending));
  }
}

void search_log::flush() {
  std::vector<entry> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  if (batch.empty()) return;
  try {
    db_.transact([&](storage::connection& c) {
      for (const auto& e : batch)
        c.query(
            "INSERT INTO search_queries (searched_at, account_id, profile_id, tier, query,"
            " results) VALUES ($1, $2, $3, $4, $5, $6)",
            {e.at, e.account_id, e.profile_id, std::string(auth::to_string(e.tier)), e.query,
             e.results});
    });
  } catch (...) {
    // Put them back in front of anything noted meanwhile, keeping their order.
    std::lock_guard lock(mutex_);
    batch.insert(batch.end(), std::make_move_iterator(pending_.begin()),
                 std::make_move_iterator(pending_.end()));
    pending_.swap(batch);
    throw;
  }
}

}  // namespace kinora::catalog
