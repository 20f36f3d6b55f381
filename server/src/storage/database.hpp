#pragma once
// One database interface over SQLite and PostgreSQL. SQL is written once with
// PostgreSQL-style placeholders ($1, $2, ...); the SQLite backend maps them.
// Parameters are always bound, never spliced into SQL text.
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
  enum class kind { unique_violation, foreign_key_violation, busy, connection, other };
  storage_error(kind k, const std::string& what) : std::runtime_error(what), kind_(k) {}
  kind which() const { return kind_; }

 private:
  kind kind_;
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
};

struct pool_stats {
  std::size_t size = 0;  // connections open
  std::size_t in_use = 0;
  std::size_t capacity = 0;
  std::uint64_t waits = 0;  // acquisitions that had to wait
  std::uint64_t timeouts = 0;
};

class database;

// A connection borrowed from the pool, returned on destruction.
class lease {
 public:
  lease(database* owner, std::unique_ptr<connection> c) : owner_(owner), conn_(std::move(c)) {}
  lease(lease&&) noexcept = default;
  lease& operator=(lease&&) = delete;
  ~lease();
  connection* operator->() { return conn_.get(); }
  connection& operator*() { return *conn_; }

 private:
  database* owner_;
  std::unique_ptr<connection> conn_;
};

class database {
 public:
  using factory = std::function<std::unique_ptr<connection>()>;
  database(dialect d, std::string description, factory make, std::size_t capacity);
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
  void give_back(std::unique_ptr<connection> c);

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

// Runs the numbered migrations of the database's dialect that are not applied yet.
// Returns how many ran.
int migrate(database& db);

}  // namespace kinora::storage
