#include <filesystem>

#include "storage/database.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace kinora::storage {

std::optional<std::string> sqlite_path(const std::string& url) {
  if (!url.starts_with("sqlite:")) return std::nullopt;
  std::string path = url.substr(7);
  if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path
  return path;
}

std::unique_ptr<database> open_database(const std::string& url, std::size_t pool_size) {
  return open_database(url, database_options{.pool_size = pool_size});
}

std::unique_ptr<database> open_database(const std::string& url, const database_options& options) {
  if (const auto sqlite = sqlite_path(url)) {
    const auto& path = *sqlite;
    if (path.empty())
      throw storage_error(storage_error::kind::connection, "sqlite: URL has no path");
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    return std::make_unique<database>(
        dialect::sqlite, "sqlite:" + path,
        [path, full = options.sqlite_synchronous_full] { return open_sqlite(path, full); },
        options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // Never echo credentials into logs or /readyz.
    auto at = url.find('@');
    std::string shown = at == std::string::npos ? url : "postgresql://***@" + url.substr(at + 1);
    const postgres_settings settings{options.connect_timeout, options.statement_timeout};
    return std::make_unique<database>(
        dialect::postgres, shown, [url, settings] { return open_postgres(url, settings); },
        options);
  }
  throw storage_error(storage_error::kind::connection,
                      "unsupported database URL (expected sqlite:PATH or postgresql://...)");
}

}  // namespace kinora::storage
