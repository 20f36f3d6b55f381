#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/resources.hpp"
#include "storage/database.hpp"

namespace kinora::storage {

namespace {

struct migration {
  int version;
  std::string name;
  std::string_view sql;
};

// Files are named NNNN_description.sql under server/src/storage/migrations/, in
// common/ when the SQL suits both backends, else in sqlite/ and postgres/.
std::vector<migration> migrations_for(dialect d) {
  const std::string base = "server/src/storage/migrations/";
  const std::string own = base + (d == dialect::sqlite ? "sqlite/" : "postgres/");
  const std::string common = base + "common/";
  std::vector<migration> out;
  for (const auto& e : resources::all()) {
    const std::string_view prefix = e.path.starts_with(own)      ? std::string_view(own)
                                    : e.path.starts_with(common) ? std::string_view(common)
                                                                 : std::string_view();
    if (prefix.empty()) continue;
    std::string name(e.path.substr(prefix.size()));
    out.push_back({std::stoi(name.substr(0, 4)), name, e.content});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return out;
}

}  // namespace

int migrate(database& db) {
  // Building an index or waiting for another instance's lock may take long.
  deadline_scope no_statement_timeout(deadline_scope::unbounded_t{});
  auto conn = db.acquire();
  conn->run_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  int applied = 0;
  for (const auto& m : migrations_for(db.kind())) {
    conn->begin();
    try {
      // Several instances may start together: the first to lock applies, the rest see it done.
      if (db.kind() == dialect::postgres)
        conn->run_script("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
      const auto done = conn->query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                    {std::int64_t{m.version}});
      if (done.empty()) {
        conn->run_script(m.sql);
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        conn->query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    {std::int64_t{m.version}, m.name, std::int64_t{now}});
        ++applied;
      }
      conn->commit();
    } catch (...) {
      conn->rollback();
      throw;
    }
  }
  return applied;
}

}  // namespace kinora::storage
