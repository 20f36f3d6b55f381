#include "storage/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <optional>
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

using steady = std::chrono::steady_clock;

bool sqlstate_is(const PGresult* res, const char* prefix) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  return state && std::strncmp(state, prefix, std::strlen(prefix)) == 0;
}

storage_error pg_failure(PGconn* conn, const PGresult* res, std::string_view during) {
  auto k = storage_error::kind::other;
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (sqlstate_is(res, "23505"))
    k = storage_error::kind::unique_violation;
  else if (sqlstate_is(res, "23503"))
    k = storage_error::kind::foreign_key_violation;
  else if (sqlstate_is(res, "08") || sqlstate_is(res, "57P"))
    k = storage_error::kind::connection;
  else if (sqlstate_is(res, "57014"))  // statement_timeout: the server is alive but slow
    k = storage_error::kind::timeout;
  if (PQstatus(conn) != CONNECTION_OK) k = storage_error::kind::connection;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return storage_error(k, "postgres: " + message + " (" + std::string(during.substr(0, 120)) + ")");
}

// Waits until the socket can be read (or written); false once `until` passes.
bool wait_socket(int fd, short events, std::optional<steady::time_point> until) {
  for (;;) {
    int ms = -1;
    if (until) {
      const auto left =
          std::chrono::ceil<std::chrono::milliseconds>(*until - steady::now()).count();
      if (left <= 0) return false;
      ms = static_cast<int>(left);
    }
    pollfd p{fd, events, 0};
    const int r = ::poll(&p, 1, ms);
    if (r > 0) return true;
    if (r < 0 && errno != EINTR) return true;  // libpq reports the socket's error
  }
}

std::string ms_text(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " ms";
}

// Notices (and the FATAL a server sends an idle connection as it shuts down) are not
// printed to stderr; a failing statement reports its own error.
void ignore_notice(void*, const char*) {}

class postgres_connection final : public connection {
 public:
  postgres_connection(std::string url, const postgres_settings& settings)
      : url_(std::move(url)), settings_(settings) {
    connect();
  }

  rows query(std::string_view sql, std::span<const value> params) override {
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
    auto res = retrying(sql, [&] {
      const std::string& name = prepare(sql);
      return exec(sql, [&] {
        return PQsendQueryPrepared(conn_.get(), name.c_str(), static_cast<int>(params.size()),
                                   pointers.data(), lengths.data(), nullptr, 0);
      });
    });

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
    retrying(sql,
             [&] { return exec(sql, [&] { return PQsendQuery(conn_.get(), text.c_str()); }); });
  }

  void begin() override { run_script("BEGIN"); }
  void commit() override { run_script("COMMIT"); }
  void rollback() override {
    if (conn_ && PQstatus(conn_.get()) == CONNECTION_OK &&
        PQtransactionStatus(conn_.get()) != PQTRANS_IDLE)
      run_script("ROLLBACK");
  }
  bool healthy() override {
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) return false;
    if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) {
      try {
        run_script("ROLLBACK");
      } catch (...) {
        return false;
      }
    }
    return true;
  }

  // An idle connection has nothing to read. Data or end-of-file waiting means the server
  // has closed it (a restart): libpq only notices on the next statement, which would fail.
  bool usable() override {
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) return false;
    pollfd p{PQsocket(conn_.get()), POLLIN, 0};
    if (::poll(&p, 1, 0) > 0) {
      if (!PQconsumeInput(conn_.get()) || PQstatus(conn_.get()) != CONNECTION_OK) return false;
    }
    return PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
  }

  bool hung() const override { return hung_; }

 private:
  struct conn_deleter {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  using conn_ptr = std::unique_ptr<PGconn, conn_deleter>;

  // Connects without blocking past the connect timeout (or the thread's deadline_scope):
  // libpq's own connect_timeout counts whole seconds from 2 up.
  void connect() {
    conn_.reset();
    auto until = steady::now() + settings_.connect_timeout;
    if (const auto d = deadline_scope::current(); d && *d < until) until = *d;
    // Ours first: what the URL says wins (libpq lets later values override).
    std::vector<const char*> keys{"connect_timeout",     "keepalives",       "keepalives_idle",
                                  "keepalives_interval", "keepalives_count", "application_name"};
    const std::string timeout_s = std::to_string(std::max<long long>(
        2, std::chrono::ceil<std::chrono::seconds>(settings_.connect_timeout).count()));
    std::vector<const char*> values{timeout_s.c_str(), "1", "10", "5", "3", "kinora"};
    // Unacknowledged writes (a vanished host) fail after 10 s instead of minutes.
    if (PQlibVersion() >= 120000) {
      keys.push_back("tcp_user_timeout");
      values.push_back("10000");
    }
    keys.push_back("dbname");
    values.push_back(url_.c_str());
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ptr c(PQconnectStartParams(keys.data(), values.data(), 1));
    if (!c)
      throw storage_error(storage_error::kind::connection,
                          "cannot connect to PostgreSQL: out of memory");
    auto failed = [&](storage_error::kind k, std::string why) {
      while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
      return storage_error(k, "cannot connect to PostgreSQL: " + why);
    };
    if (PQstatus(c.get()) == CONNECTION_BAD)
      throw failed(storage_error::kind::connection, PQerrorMessage(c.get()));
    auto state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
      if (state == PGRES_POLLING_FAILED)
        throw failed(storage_error::kind::connection, PQerrorMessage(c.get()));
      if (!wait_socket(PQsocket(c.get()), state == PGRES_POLLING_READING ? POLLIN : POLLOUT, until))
        throw failed(storage_error::kind::timeout,
                     "no answer within " + ms_text(settings_.connect_timeout));
      state = PQconnectPoll(c.get());
    }
    PQsetNoticeProcessor(c.get(), ignore_notice, nullptr);
    // Non-blocking, so no send (nor PQfinish's goodbye) can wait on a hung server.
    PQsetnonblocking(c.get(), 1);
    conn_ = std::move(c);
    prepared_.clear();
    session_timeout_ms_ = -1;
    hung_ = false;
    run_script("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC';");
  }

  // Runs one statement (or a prepare step). A statement that broke on a connection the
  // server had already closed is run once more on a fresh connection, when that cannot
  // run anything twice nor lose work: no transaction was open, and the statement surely
  // did not run (a BEGIN or SET, a prepare step, or the server's shutdown notice came
  // first). Anything else fails with 503; usable() catches most dead connections sooner.
  template <class Step>
  result_ptr retrying(std::string_view sql, Step step) {
    if (!conn_)
      throw storage_error(storage_error::kind::connection,
                          "postgres: the connection was closed after a failure");
    const bool idle = PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
    try {
      apply_statement_timeout();
      return step();
    } catch (const storage_error& e) {
      const bool did_not_run = safe_to_retry_ || sql == "BEGIN";
      if (retrying_ || !idle || !did_not_run || e.which() != storage_error::kind::connection ||
          hung_ || (conn_ && PQstatus(conn_.get()) == CONNECTION_OK))
        throw;
    }
    retrying_ = true;
    struct reset_flag {
      bool& flag;
      ~reset_flag() { flag = false; }
    } reset{retrying_};
    connect();
    apply_statement_timeout();
    return step();
  }

  // The session's statement_timeout follows the thread's scope (0 for migrations). Only
  // set outside a transaction, where no rollback can undo it.
  void apply_statement_timeout() {
    const long long want = deadline_scope::unbounded() ? 0 : settings_.statement_timeout.count();
    if (want == session_timeout_ms_ || PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) return;
    const std::string sql = "SET statement_timeout = " + std::to_string(want);
    exec(sql, [&] { return PQsendQuery(conn_.get(), sql.c_str()); });
    session_timeout_ms_ = want;
  }

  // Sends with `send`, then waits for every result. PostgreSQL ends a statement after
  // statement_timeout; a server that says nothing for a second longer is hung (stopped, or
  // its host gone), and only the client can give up on it: the connection is closed.
  template <class Send>
  result_ptr exec(std::string_view sql, Send send) {
    std::optional<steady::time_point> until;
    bool full_bound = false;
    if (!deadline_scope::unbounded()) {
      until = steady::now() + settings_.statement_timeout + std::chrono::seconds(1);
      full_bound = true;
    }
    if (const auto d = deadline_scope::current(); d && (!until || *d < *until)) {
      until = d;
      full_bound = false;
    }
    PGconn* c = conn_.get();
    safe_to_retry_ = false;
    if (!send()) {
      safe_to_retry_ = true;  // nothing was sent
      throw pg_failure(c, nullptr, sql);
    }
    const auto give_up = [&]() -> storage_error {
      hung_ = full_bound;
      conn_.reset();
      return storage_error(
          storage_error::kind::timeout,
          "postgres: no answer within " +
              (full_bound ? ms_text(settings_.statement_timeout + std::chrono::seconds(1))
                          : std::string("the request's deadline")) +
              " (" + std::string(sql.substr(0, 120)) + ")");
    };
    for (;;) {
      const int flushed = PQflush(c);
      if (flushed == 0) break;
      if (flushed < 0) {
        safe_to_retry_ = true;
        throw pg_failure(c, nullptr, sql);
      }
      if (!wait_socket(PQsocket(c), POLLIN | POLLOUT, until)) throw give_up();
      if (!PQconsumeInput(c)) break;
    }
    result_ptr first_error, last;
    for (;;) {
      while (PQisBusy(c)) {
        if (!wait_socket(PQsocket(c), POLLIN, until)) throw give_up();
        if (!PQconsumeInput(c)) break;
      }
      if (PQisBusy(c)) break;  // the connection is lost: PQerrorMessage says why
      result_ptr r(PQgetResult(c));
      if (!r) break;
      const auto st = PQresultStatus(r.get());
      if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) break;
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        if (!first_error) first_error = std::move(r);
      } else {
        last = std::move(r);
      }
      if (PQstatus(c) == CONNECTION_BAD) break;
    }
    if (first_error) {
      // A server shutting down told us before it read the statement.
      if (sqlstate_is(first_error.get(), "57P")) safe_to_retry_ = true;
      throw pg_failure(c, first_error.get(), sql);
    }
    if (!last || PQstatus(c) == CONNECTION_BAD) throw pg_failure(c, nullptr, sql);
    return last;
  }

  const std::string& prepare(std::string_view sql) {
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    std::string name = "k" + std::to_string(prepared_.size());
    const std::string text(sql);
    try {
      exec(sql, [&] { return PQsendPrepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr); });
    } catch (const storage_error&) {
      safe_to_retry_ = true;  // preparing runs nothing
      throw;
    }
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

  std::string url_;
  postgres_settings settings_;
  conn_ptr conn_;
  std::unordered_map<std::string, std::string> prepared_;
  long long session_timeout_ms_ = -1;  // the statement_timeout the session has
  bool safe_to_retry_ = false;         // the failed statement surely did not run
  bool hung_ = false;
  bool retrying_ = false;  // one retry, never nested
};

}  // namespace

std::unique_ptr<connection> open_postgres(const std::string& url,
                                          const postgres_settings& settings) {
  return std::make_unique<postgres_connection>(url, settings);
}

}  // namespace kinora::storage
