#include "storage/database.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

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

namespace {

struct scope_state {
  std::optional<deadline_scope::time_point> deadline;
  bool unbounded = false;
};
thread_local scope_state scope;

std::string millis(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " ms";
}

}  // namespace

deadline_scope::deadline_scope(std::chrono::milliseconds within)
    : saved_deadline_(scope.deadline), saved_unbounded_(scope.unbounded) {
  const auto until = std::chrono::steady_clock::now() + within;
  if (!scope.deadline || until < *scope.deadline) scope.deadline = until;
}

deadline_scope::deadline_scope(unbounded_t)
    : saved_deadline_(scope.deadline), saved_unbounded_(scope.unbounded) {
  scope.unbounded = true;
}

deadline_scope::~deadline_scope() {
  scope.deadline = saved_deadline_;
  scope.unbounded = saved_unbounded_;
}

std::optional<deadline_scope::time_point> deadline_scope::current() {
  return scope.deadline;
}

bool deadline_scope::unbounded() {
  return scope.unbounded;
}

struct database::pool {
  factory make;
  std::size_t capacity;
  std::chrono::milliseconds wait;
  std::chrono::milliseconds retry_after;
  mutable std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<connection>> idle;
  std::size_t open = 0;
  std::size_t in_use = 0;
  std::uint64_t waits = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t dropped = 0;
  // Failing fast: set when a connection attempt fails or a statement gets no answer.
  bool unreachable = false;
  bool probing = false;  // one request is trying the server again
  std::chrono::steady_clock::time_point retry_at;
  std::string last_error;

  // Called with the mutex held. Idle connections go too: after a hang or a restart they
  // are no better than the one that failed. They are closed by the caller, unlocked.
  std::vector<std::unique_ptr<connection>> trip(std::string why) {
    unreachable = true;
    probing = false;
    retry_at = std::chrono::steady_clock::now() + retry_after;
    last_error = std::move(why);
    auto closing = std::move(idle);
    idle.clear();
    open -= std::min(open, closing.size());
    returned.notify_all();
    return closing;
  }
};

database::database(dialect d, std::string description, factory make, std::size_t capacity)
    : database(d, std::move(description), std::move(make),
               database_options{.pool_size = capacity}) {}

database::database(dialect d, std::string description, factory make,
                   const database_options& options)
    : dialect_(d), description_(std::move(description)), pool_(std::make_shared<pool>()) {
  pool_->make = std::move(make);
  pool_->capacity = options.pool_size == 0 ? 1 : options.pool_size;
  pool_->wait = options.pool_wait;
  pool_->retry_after = options.retry_after;
  // Connect once now so a bad URL or an unreachable server fails at start-up.
  pool_->open = 1;
  pool_->in_use = 1;
  give_back(pool_->make(), false);
}

std::unique_ptr<connection> database::connect(bool probe) {
  try {
    return pool_->make();
  } catch (const storage_error& e) {
    std::vector<std::unique_ptr<connection>> closing;
    {
      std::lock_guard lock(pool_->mutex);
      --pool_->open;
      --pool_->in_use;
      // Giving up within a caller's own short deadline (/readyz) says too little to stop
      // every request; a refusal or the full connect timeout does.
      const bool own_deadline =
          e.which() == storage_error::kind::timeout && deadline_scope::current();
      if (e.which() == storage_error::kind::connection ||
          (e.which() == storage_error::kind::timeout && !own_deadline))
        closing = pool_->trip(e.what());
      else if (probe)
        pool_->probing = false;
      pool_->returned.notify_one();
    }
    throw;
  } catch (...) {
    std::lock_guard lock(pool_->mutex);
    --pool_->open;
    --pool_->in_use;
    if (probe) pool_->probing = false;
    pool_->returned.notify_one();
    throw;
  }
}

lease database::acquire() {
  auto until = std::chrono::steady_clock::now() + pool_->wait;
  if (const auto d = deadline_scope::current(); d && *d < until) until = *d;
  std::unique_lock lock(pool_->mutex);
  bool probe = false;
  for (;;) {
    if (pool_->unreachable && !probe) {
      // Requests fail at once instead of each waiting out the bounds on a dead server.
      if (pool_->probing || std::chrono::steady_clock::now() < pool_->retry_at)
        throw storage_error(storage_error::kind::connection,
                            pool_->last_error + " (failing fast; retrying within " +
                                millis(pool_->retry_after) + ")");
      pool_->probing = probe = true;
    }
    while (!pool_->idle.empty()) {
      auto c = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      ++pool_->in_use;
      lock.unlock();
      bool ok = false;
      try {
        ok = c->usable();
      } catch (...) {
      }
      if (ok) return lease(this, std::move(c), probe);
      c.reset();  // dead (the server restarted since): replace it
      lock.lock();
      --pool_->in_use;
      --pool_->open;
      ++pool_->dropped;
    }
    if (pool_->open < pool_->capacity) {
      ++pool_->open;
      ++pool_->in_use;
      lock.unlock();
      return lease(this, connect(probe), probe);
    }
    ++pool_->waits;
    if (probe) {
      // Every connection is out (stuck on the server, likely): nothing to try it with.
      pool_->probing = false;
      throw storage_error(storage_error::kind::connection,
                          pool_->last_error + " (failing fast; every connection is in use)");
    }
    if (!pool_->returned.wait_until(lock, until, [&] {
          return !pool_->idle.empty() || pool_->open < pool_->capacity || pool_->unreachable;
        })) {
      ++pool_->timeouts;
      throw storage_error(storage_error::kind::busy,
                          "no database connection became free within " + millis(pool_->wait));
    }
  }
}

void database::give_back(std::unique_ptr<connection> c, bool probe) {
  const bool hung = c && c->hung();
  bool keep = false;
  if (c && !hung) {
    try {
      keep = c->healthy();
    } catch (...) {
    }
  }
  std::vector<std::unique_ptr<connection>> closing;
  {
    std::lock_guard lock(pool_->mutex);
    if (pool_->in_use > 0) --pool_->in_use;
    if (keep) {
      pool_->idle.push_back(std::move(c));
    } else if (pool_->open > 0) {
      --pool_->open;  // a broken connection is dropped; the next acquire opens a fresh one
    }
    if (hung)
      closing = pool_->trip("the database did not answer in time");
    else if (probe && keep) {
      pool_->unreachable = pool_->probing = false;  // the server answers again
      pool_->last_error.clear();
    } else if (probe)
      closing = pool_->trip(pool_->last_error);
    pool_->returned.notify_one();
  }
  closing.clear();
  c.reset();
}

pool_stats database::stats() const {
  std::lock_guard lock(pool_->mutex);
  return {pool_->open,     pool_->in_use,  pool_->capacity,    pool_->waits,
          pool_->timeouts, pool_->dropped, pool_->unreachable, pool_->last_error};
}

lease::~lease() {
  if (conn_) owner_->give_back(std::move(conn_), probe_);
}

}  // namespace kinora::storage
