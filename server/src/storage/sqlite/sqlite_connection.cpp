#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <unordered_map>

namespace kinora::storage {

std::string sqlite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

namespace {

struct stmt_deleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using stmt_ptr = std::unique_ptr<sqlite3_stmt, stmt_deleter>;

storage_error sqlite_failure(sqlite3* db, int rc, std::string_view during) {
  const int extended = sqlite3_extended_errcode(db);
  auto k = storage_error::kind::other;
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
    k = storage_error::kind::unique_violation;
  else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
    k = storage_error::kind::foreign_key_violation;
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    k = storage_error::kind::busy;
  return storage_error(k, std::string("sqlite: ") + sqlite3_errmsg(db) + " (" +
                              std::string(during.substr(0, 120)) + ")");
}

class sqlite_connection final : public connection {
 public:
  sqlite_connection(const std::string& path, bool synchronous_full) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK)
      throw storage_error(storage_error::kind::connection,
                          "cannot open SQLite database '" + path +
                              "': " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);
    run_script(std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=") +
               (synchronous_full ? "FULL" : "NORMAL") +
               "; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
  }

  rows query(std::string_view sql, std::span<const value> params) override {
    sqlite3_stmt* stmt = prepare(sql);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 0; i < params.size(); ++i)
      bind(stmt, static_cast<int>(i + 1), params[i], sql);

    rows out;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        auto err = sqlite_failure(db_.get(), rc, sql);
        sqlite3_reset(stmt);
        throw err;
      }
      std::vector<value> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) cells.push_back(read(stmt, c));
      out.items.emplace_back(std::move(cells));
    }
    out.affected = sqlite3_changes(db_.get());
    sqlite3_reset(stmt);
    return out;
  }

  void run_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string what = message ? message : "unknown error";
      sqlite3_free(message);
      throw storage_error(storage_error::kind::other, "sqlite: " + what);
    }
  }

  void begin() override { run_script("BEGIN IMMEDIATE"); }
  void commit() override { run_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_.get())) run_script("ROLLBACK");
  }
  bool healthy() override {
    // A connection handed back mid-transaction would leak its lock to the next user.
    if (!sqlite3_get_autocommit(db_.get())) {
      try {
        run_script("ROLLBACK");
      } catch (...) {
        return false;
      }
    }
    return true;
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return it->second.get();
    const std::string mapped = sqlite_placeholders(sql);
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), mapped.c_str(), static_cast<int>(mapped.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) throw sqlite_failure(db_.get(), rc, sql);
    return statements_.emplace(std::string(sql), stmt_ptr(raw)).first->second.get();
  }

  void bind(sqlite3_stmt* stmt, int index, const value& v, std::string_view sql) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<null_t>(v)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) throw sqlite_failure(db_.get(), rc, sql);
  }

  static value read(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER:
        return sqlite3_column_int64(stmt, c);
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      case SQLITE_NULL:
        return null;
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  struct db_deleter {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  // Statements are declared after the handle so they are finalised first.
  std::unique_ptr<sqlite3, db_deleter> db_;
  std::unordered_map<std::string, stmt_ptr> statements_;
};

}  // namespace

std::unique_ptr<connection> open_sqlite(const std::string& path, bool synchronous_full) {
  return std::make_unique<sqlite_connection>(path, synchronous_full);
}

}  // namespace kinora::storage
