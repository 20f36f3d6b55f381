#include "storage/database.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kinora::storage {

std::int64_t row::i64(std::size_t i) const {
  const auto& v = cells_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

double row::f64(std::size_t i) const {
  const auto& v = cells_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0.0;
}

const std::string& row::text(std::size_t i) const {
  static const std::string empty;
  const auto* s = std::get_if<std::string>(&cells_.at(i));
  return s ? *s : empty;
}

std::optional<std::string> row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> row::opt_i64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

struct database::pool {
  factory make;
  std::size_t capacity;
  mutable std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<connection>> idle;
  std::size_t open = 0;
  std::size_t in_use = 0;
  std::uint64_t waits = 0;
  std::uint64_t timeouts = 0;
};

database::database(dialect d, std::string description, factory make, std::size_t capacity)
    : dialect_(d), description_(std::move(description)), pool_(std::make_shared<pool>()) {
  pool_->make = std::move(make);
  pool_->capacity = capacity == 0 ? 1 : capacity;
  // Connect once now so a bad URL or an unreachable server fails at start-up.
  give_back(pool_->make());
  pool_->open = 1;
}

lease database::acquire() {
  constexpr auto max_wait = std::chrono::seconds(5);
  std::unique_lock lock(pool_->mutex);
  for (;;) {
    while (!pool_->idle.empty()) {
      auto c = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      ++pool_->in_use;
      return lease(this, std::move(c));
    }
    if (pool_->open < pool_->capacity) {
      ++pool_->open;
      ++pool_->in_use;
      lock.unlock();
      try {
        return lease(this, pool_->make());
      } catch (...) {
        lock.lock();
        --pool_->open;
        --pool_->in_use;
        throw;
      }
    }
    ++pool_->waits;
    if (!pool_->returned.wait_for(lock, max_wait, [&] {
          return !pool_->idle.empty() || pool_->open < pool_->capacity;
        })) {
      ++pool_->timeouts;
      throw storage_error(storage_error::kind::busy,
                          "no database connection became free within 5 s");
    }
  }
}

void database::give_back(std::unique_ptr<connection> c) {
  const bool keep = c && c->healthy();
  std::lock_guard lock(pool_->mutex);
  if (pool_->in_use > 0) --pool_->in_use;
  if (keep) {
    pool_->idle.push_back(std::move(c));
  } else if (pool_->open > 0) {
    --pool_->open;  // a broken connection is dropped; the next acquire opens a fresh one
  }
  pool_->returned.notify_one();
}

pool_stats database::stats() const {
  std::lock_guard lock(pool_->mutex);
  return {pool_->open, pool_->in_use, pool_->capacity, pool_->waits, pool_->timeouts};
}

lease::~lease() {
  if (conn_) owner_->give_back(std::move(conn_));
}

}  // namespace kinora::storage
