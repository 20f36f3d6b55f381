#include "storage/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace kinora::storage {

namespace {

// Type OIDs from PostgreSQL's pg_type catalogue.
constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23, float4_oid = 700,
              float8_oid = 701, numeric_oid = 1700;

struct result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

storage_error pg_failure(PGconn* conn, const PGresult* res, std::string_view during) {
  auto k = storage_error::kind::other;
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (res) {
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (state && std::strcmp(state, "23505") == 0)
      k = storage_error::kind::unique_violation;
    else if (state && std::strcmp(state, "23503") == 0)
      k = storage_error::kind::foreign_key_violation;
    else if (state && (std::strncmp(state, "08", 2) == 0 || std::strncmp(state, "57P", 3) == 0))
      k = storage_error::kind::connection;
  }
  if (PQstatus(conn) != CONNECTION_OK) k = storage_error::kind::connection;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return storage_error(k, "postgres: " + message + " (" + std::string(during.substr(0, 120)) + ")");
}

class postgres_connection final : public connection {
 public:
  explicit postgres_connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
      std::string why = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
      while (!why.empty() && why.back() == '\n') why.pop_back();
      throw storage_error(storage_error::kind::connection, "cannot connect to PostgreSQL: " + why);
    }
    run_script("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC';");
  }

  rows query(std::string_view sql, std::span<const value> params) override {
    const std::string& name = prepare(sql);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<null_t>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v))
        texts[i] = std::to_string(*n);
      else if (const auto* d = std::get_if<double>(&v)) {
        char buf[32];
        texts[i].assign(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
      } else
        texts[i] = std::get<std::string>(v);
      pointers[i] = texts[i].c_str();
      lengths[i] = static_cast<int>(texts[i].size());
    }
    result_ptr res(PQexecPrepared(conn_.get(), name.c_str(), static_cast<int>(params.size()),
                                  pointers.data(), lengths.data(), nullptr, 0));
    const auto st = PQresultStatus(res.get());
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
      throw pg_failure(conn_.get(), res.get(), sql);

    rows out;
    const int n_rows = PQntuples(res.get());
    const int n_cols = PQnfields(res.get());
    out.items.reserve(static_cast<std::size_t>(n_rows));
    for (int r = 0; r < n_rows; ++r) {
      std::vector<value> cells;
      cells.reserve(static_cast<std::size_t>(n_cols));
      for (int c = 0; c < n_cols; ++c) cells.push_back(read(res.get(), r, c));
      out.items.emplace_back(std::move(cells));
    }
    const char* affected = PQcmdTuples(res.get());
    if (affected && *affected)
      std::from_chars(affected, affected + std::strlen(affected), out.affected);
    return out;
  }

  void run_script(std::string_view sql) override {
    const std::string text(sql);
    result_ptr res(PQexec(conn_.get(), text.c_str()));
    const auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      throw pg_failure(conn_.get(), res.get(), sql);
  }

  void begin() override { run_script("BEGIN"); }
  void commit() override { run_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) run_script("ROLLBACK");
  }
  bool healthy() override {
    if (PQstatus(conn_.get()) != CONNECTION_OK) return false;
    if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) {
      try {
        run_script("ROLLBACK");
      } catch (...) {
        return false;
      }
    }
    return true;
  }

 private:
  const std::string& prepare(std::string_view sql) {
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    std::string name = "k" + std::to_string(prepared_.size());
    const std::string text(sql);
    result_ptr res(PQprepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK)
      throw pg_failure(conn_.get(), res.get(), sql);
    return prepared_.emplace(text, std::move(name)).first->second;
  }

  static value read(PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c)) return null;
    const char* text = PQgetvalue(res, r, c);
    const auto len = static_cast<std::size_t>(PQgetlength(res, r, c));
    switch (PQftype(res, c)) {
      case bool_oid:
        return std::int64_t{text[0] == 't' ? 1 : 0};
      case int2_oid:
      case int4_oid:
      case int8_oid: {
        std::int64_t n = 0;
        std::from_chars(text, text + len, n);
        return n;
      }
      case float4_oid:
      case float8_oid:
      case numeric_oid:
        return std::strtod(text, nullptr);
      default:
        return std::string(text, len);
    }
  }

  struct conn_deleter {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  std::unique_ptr<PGconn, conn_deleter> conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

std::unique_ptr<connection> open_postgres(const std::string& url) {
  return std::make_unique<postgres_connection>(url);
}

}  // namespace kinora::storage
