#pragma once
// One database interface over SQLite and PostgreSQL. SQL is written once with
// PostgreSQL-style placeholders ($1, $2, ...); the SQLite backend maps them.
// Parameters are always bound, never spliced into SQL text.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace kinora::storage {

enum class dialect { sqlite, postgres };

struct null_t {};
inline constexpr null_t null{};

// Booleans are stored as integers 0/1 on both backends.
using value = std::variant<null_t, std::int64_t, double, std::string>;

inline value nullable(const std::optional<std::string>& s) {
  return s ? value{*s} : value{null};
}
inline value nullable(const std::optional<std::int64_t>& n) {
  return n ? value{*n} : value{null};
}

class row {
 public:
  explicit row(std::vector<value> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const { return std::holds_alternative<null_t>(cells_.at(i)); }
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  bool boolean(std::size_t i) const { return i64(i) != 0; }
  const std::string& text(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  std::optional<std::int64_t> opt_i64(std::size_t i) const;

 private:
  std::vector<value> cells_;
};

struct rows {
  std::vector<row> items;
  std::int64_t affected = 0;
  bool empty() const { return items.empty(); }
  std::size_t size() const { return items.size(); }
  const row& front() const { return items.front(); }
  auto begin() const { return items.begin(); }
  auto end() const { return items.end(); }
};

// Database failures are not expected in normal operation: they are thrown and turned
// into 503/500 at the edge. Constraint violations carry a kind so services that
// expect them (a duplicate email) can turn them into values.
class storage_error : public std::runtime_error {
 public:
  // timeout: the server did not answer in time (hung, or a statement ran too long).
  enum class kind { unique_violation, foreign_key_violation, busy, connection, timeout, other };
  // source: what failed, named in the 503 a client gets ("Redis" for the session store).
  storage_error(kind k, const std::string& what, std::string source = "database")
      : std::runtime_error(what), kind_(k), source_(std::move(source)) {}
  kind which() const { return kind_; }
  const std::string& source() const { return source_; }

 private:
  kind kind_;
  std::string source_;
};

class connection {
 public:
  virtual ~connection() = default;
  virtual rows query(std::string_view sql, std::span<const value> params) = 0;
  rows query(std::string_view sql, std::initializer_list<value> params = {}) {
    return query(sql, std::span<const value>(params.begin(), params.size()));
  }
  // Several statements, no parameters (migrations).
  virtual void run_script(std::string_view sql) = 0;
  // Starts a transaction that takes the write lock at once (SQLite BEGIN IMMEDIATE).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool healthy() = 0;
  // Called when the pool hands out an idle connection: false if it is dead already (the
  // server restarted while it sat in the pool), so the pool drops it instead.
  virtual bool usable() { return healthy(); }
  // The last statement got no answer within the statement bound: the server is hung, so
  // the pool stops handing out connections for a moment (see database::acquire).
  virtual bool hung() const { return false; }
};

// Bounds every database wait on this thread (pool, connect, statement) while it lives,
// below the usual bounds: /readyz answers within its own second. `unbounded` lifts the
// statement timeout instead, for migrations, which may lock and build for long.
class deadline_scope {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  explicit deadline_scope(std::chrono::milliseconds within);
  struct unbounded_t {};
  explicit deadline_scope(unbounded_t);
  ~deadline_scope();
  deadline_scope(const deadline_scope&) = delete;
  deadline_scope& operator=(const deadline_scope&) = delete;

  // The tightest deadline in force on this thread, if any.
  static std::optional<time_point> current();
  static bool unbounded();

 private:
  std::optional<time_point> saved_deadline_;
  bool saved_unbounded_;
};

// Database timeouts. The statement bound is enforced by PostgreSQL (statement_timeout) and,
// one second later, by the client, which is all that works against a hung server.
struct database_options {
  std::size_t pool_size = 8;
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds statement_timeout{5000};
  std::chrono::milliseconds pool_wait{2000};  // for a free connection, then 503
  // After a connection attempt fails or a statement gets no answer, requests fail at once
  // for this long; then one request tries the server again.
  std::chrono::milliseconds retry_after{1000};
  // SQLite in WAL mode: FULL syncs the log on every commit, so an acknowledged write
  // survives a power loss; NORMAL syncs at checkpoints only (a process crash loses
  // nothing, a power loss can lose the last commits). PostgreSQL ignores it.
  bool sqlite_synchronous_full = true;
};

struct pool_stats {
  std::size_t size = 0;  // connections open
  std::size_t in_use = 0;
  std::size_t capacity = 0;
  std::uint64_t waits = 0;  // acquisitions that had to wait
  std::uint64_t timeouts = 0;
  std::uint64_t dropped = 0;  // dead connections found in the pool and replaced
  bool unreachable = false;   // failing fast after a failed connect or a hung statement
  std::string last_error;     // why, while unreachable
};

class database;

// A connection borrowed from the pool, returned on destruction.
class lease {
 public:
  lease(database* owner, std::unique_ptr<connection> c, bool probe = false)
      : owner_(owner), conn_(std::move(c)), probe_(probe) {}
  lease(lease&&) noexcept = default;
  lease& operator=(lease&&) = delete;
  ~lease();
  connection* operator->() { return conn_.get(); }
  connection& operator*() { return *conn_; }

 private:
  database* owner_;
  std::unique_ptr<connection> conn_;
  bool probe_;  // the first use after failing fast: its outcome decides whether to go on
};

class database {
 public:
  using factory = std::function<std::unique_ptr<connection>()>;
  database(dialect d, std::string description, factory make, std::size_t capacity);
  database(dialect d, std::string description, factory make, const database_options& options);
  virtual ~database() = default;

  dialect kind() const { return dialect_; }
  const std::string& description() const { return description_; }
  lease acquire();
  pool_stats stats() const;

  // Runs fn inside a transaction on one pooled connection; rolls back if fn throws.
  template <class Fn>
  auto transact(Fn&& fn) {
    auto conn = acquire();
    conn->begin();
    try {
      if constexpr (std::is_void_v<decltype(fn(*conn))>) {
        fn(*conn);
        conn->commit();
      } else {
        auto out = fn(*conn);
        // A service that returns a failed result<T> wants nothing of its work kept.
        if constexpr (requires { out.ok(); }) {
          if (!out.ok()) {
            conn->rollback();
            return out;
          }
        }
        conn->commit();
        return out;
      }
    } catch (...) {
      try {
        conn->rollback();
      } catch (...) {
      }
      throw;
    }
  }

 private:
  friend class lease;
  void give_back(std::unique_ptr<connection> c, bool probe);
  std::unique_ptr<connection> connect(bool probe);

  struct pool;
  dialect dialect_;
  std::string description_;
  std::shared_ptr<pool> pool_;
};

// Opens "sqlite:PATH" or "postgresql://..." (also "postgres://"). Throws on bad URLs
// or when the first connection fails.
std::unique_ptr<database> open_database(const std::string& url, std::size_t pool_size);
// The file of a sqlite:PATH (or sqlite:///PATH) URL; nullopt for another backend. Empty
// when the URL has no path.
std::optional<std::string> sqlite_path(const std::string& url);
std::unique_ptr<database> open_database(const std::string& url, const database_options& options);

// Runs the numbered migrations of the database's dialect that are not applied yet.
// Returns how many ran.
int migrate(database& db);

}  // namespace kinora::storage
