#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include <unistd.h>  // environ

namespace kinora::app {

namespace {

bool has_web_apps(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "client" / "dist", ec) ||
         std::filesystem::is_directory(dir / "admin" / "dist", ec) ||
         std::filesystem::is_directory(dir / "docs" / "dist", ec);
}

// Levenshtein distance, for naming the setting a mistyped variable meant.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// A KINORA_ variable one or two letters away from a setting is a typo that would
// otherwise be ignored in silence. (Others, such as the test tools' KINORA_TEST_*, are
// not Kinora's settings and are left alone.)
void check_environment_typos(std::vector<std::string>& errors) {
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('='));
    if (!name.starts_with("KINORA_")) continue;
    const setting_doc* closest = nullptr;
    std::size_t best = 3;
    for (const auto& d : documented_settings()) {
      const auto distance = edit_distance(name, d.env);
      if (distance < best) {
        best = distance;
        closest = &d;
      }
    }
    if (closest && best > 0)
      errors.push_back(std::string(name) + ": not a Kinora setting; did you mean " + closest->env +
                       "?");
  }
}

}  // namespace

std::string default_web_root() {
  namespace fs = std::filesystem;
  if (has_web_apps("web")) return "web";
  // Run from elsewhere: the repository the binary was built in (build/kinora), or an
  // install prefix (bin/kinora with share/kinora/web).
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (const auto& candidate : {exe.parent_path().parent_path() / "web",
                                  exe.parent_path().parent_path() / "share" / "kinora" / "web"})
      if (has_web_apps(candidate)) return candidate.string();
  return "web";
}

const std::vector<setting_doc>& documented_settings() {
  static const std::vector<setting_doc> docs{
      {"--host", "KINORA_HOST", "127.0.0.1", "Address to listen on"},
      {"--port", "KINORA_PORT", "8000", "TCP port (0 picks a free one)"},
      {"--database-url", "KINORA_DATABASE_URL", "sqlite:var/kinora.db",
       "sqlite:PATH or postgresql://user:pass@host/db"},
      {"--demo", "KINORA_DEMO", "true with the default database, else false",
       "Seed an empty database and create the demo accounts"},
      {"--jwt-secret", "KINORA_JWT_SECRET", "generated and kept in the database in demo mode",
       "HS256 key for access tokens, at least 32 bytes; required by `serve` outside demo mode (the "
       "import and media tools need none)"},
      {"--web-root", "KINORA_WEB_ROOT", "./web, else the repository or install the binary is in",
       "Folder with docs/, client/dist and admin/dist"},
      {"--io-threads", "KINORA_IO_THREADS", "the number of cores, at most 8",
       "Threads doing socket I/O and answering requests from cached pages"},
      {"--workers", "KINORA_WORKERS", "the number of cores, at least 4",
       "Threads running request handlers that need the database"},
      {"--db-pool-size", "KINORA_DB_POOL_SIZE", "8, or --workers when that is more",
       "Database connections per instance"},
      {"--db-connect-timeout", "KINORA_DB_CONNECT_TIMEOUT", "3",
       "Seconds to open a PostgreSQL connection"},
      {"--db-statement-timeout", "KINORA_DB_STATEMENT_TIMEOUT", "5",
       "Seconds PostgreSQL may run one statement; a server silent for one more second is "
       "treated as hung and the request gets 503"},
      {"--db-pool-wait", "KINORA_DB_POOL_WAIT", "2",
       "Seconds a request waits for a free database connection before 503"},
      {"--sqlite-synchronous", "KINORA_SQLITE_SYNCHRONOUS", "full",
       "full: every acknowledged write survives a power loss; normal: faster commits, a "
       "power loss (not a crash) can lose the last ones"},
      {"--access-token-ttl", "KINORA_ACCESS_TOKEN_TTL", "900", "Access token lifetime, seconds"},
      {"--refresh-token-ttl", "KINORA_REFRESH_TOKEN_TTL", "2592000",
       "Refresh token lifetime, seconds"},
      {"--refresh-reuse-grace", "KINORA_REFRESH_REUSE_GRACE", "10",
       "Seconds a just-rotated refresh token still gets the same successor (tabs refreshing at "
       "once); reuse later revokes its sessions"},
      {"--login-attempts-per-address", "KINORA_LOGIN_ATTEMPTS_PER_ADDRESS", "60",
       "Sign-in attempts one client address may make per 5 minutes"},
      {"--max-body-bytes", "KINORA_MAX_BODY_BYTES", "1048576", "Largest request body accepted"},
      {"--max-header-bytes", "KINORA_MAX_HEADER_BYTES", "16384",
       "Largest request header block accepted"},
      {"--read-timeout", "KINORA_READ_TIMEOUT", "30", "Seconds to receive one request"},
      {"--shutdown-grace", "KINORA_SHUTDOWN_GRACE", "20",
       "Seconds in-flight requests get on SIGTERM"},
      {"--log-level", "KINORA_LOG_LEVEL", "info", "debug, info, warn or error"},
      {"--media-dir", "KINORA_MEDIA_DIR", "var/media",
       "Packaged HLS (hls/), content keys (keys/), uploads"},
      {"--media-secret", "KINORA_MEDIA_SECRET", "generated and kept in the database in demo mode",
       "Signs media URLs, at least 32 bytes; nginx's `secure_link` needs the same value; required "
       "by `serve` outside demo mode"},
      {"--media-base-url", "KINORA_MEDIA_BASE_URL", "(empty: this server)",
       "Origin of signed media URLs, e.g. https://media.example.com served by nginx"},
      {"--media-url-ttl", "KINORA_MEDIA_URL_TTL", "21600",
       "Lifetime of signed media URLs, seconds"},
      {"--session-timeout", "KINORA_SESSION_TIMEOUT", "90",
       "Seconds without a heartbeat after which a playback session ends"},
      {"--redis", "KINORA_REDIS_URL", "(empty: in-process)",
       "redis://host:port/db shares playback sessions and stream counts between instances"},
      {"--max-upload-bytes", "KINORA_MAX_UPLOAD_BYTES", "268435456",
       "Largest media upload accepted"},
      {"--demo-clips", "KINORA_DEMO_CLIPS", "6", "Demo clips packaged for the demo catalog"},
      {"--demo-clip-seconds", "KINORA_DEMO_CLIP_SECONDS", "60", "Length of each demo clip"},
      {"--model-dir", "KINORA_MODEL_DIR", "~/.cache/kinora/models/all-MiniLM-L6-v2",
       "Sentence encoder for recommendations (make model fetches it); without one, similar "
       "titles fall back to shared genres"},
      {"--index-file", "KINORA_INDEX_FILE", "PATH.vectors beside a sqlite:PATH database, else none",
       "Saved title vector index, loaded at start-up while it matches the catalog; none to "
       "disable"},
      {"--co-watch-interval", "KINORA_CO_WATCH_INTERVAL", "3600",
       "Seconds between rebuilds of the co-watch neighbours For You uses (one instance "
       "rebuilds, all load it)"},
  };
  return docs;
}

namespace {

template <class T>
void read_number(const std::string& name, const std::string& text, T min, T max, T& out,
                 std::vector<std::string>& errors) {
  long long v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v < static_cast<long long>(min) ||
      v > static_cast<long long>(max)) {
    errors.push_back(name + ": '" + text + "' is not a whole number from " + std::to_string(min) +
                     " to " + std::to_string(max));
    return;
  }
  out = static_cast<T>(v);
}

std::optional<bool> read_bool(const std::string& text) {
  if (text == "true" || text == "1" || text == "yes" || text.empty()) return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return std::nullopt;
}

}  // namespace

// An in-memory or PostgreSQL database has no folder of its own: no default there.
std::string default_index_file(const std::string& database_url) {
  if (!database_url.starts_with("sqlite:")) return {};
  auto path = database_url.substr(7);
  if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path
  if (path.empty() || path.starts_with(":memory:") || path.starts_with("file:")) return {};
  return path + ".vectors";
}

load_result load_config(const std::vector<std::string>& args, bool serving) {
  load_result out;
  auto& errors = out.errors;
  std::map<std::string, std::string> given;  // flag -> value

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (!arg.starts_with("--")) {
      errors.push_back("unexpected argument '" + arg + "'");
      continue;
    }
    std::string value;
    const auto eq = arg.find('=');
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (arg == "--demo" || arg == "--no-demo") {
      value = arg == "--demo" ? "true" : "false";
      arg = "--demo";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      errors.push_back(arg + ": needs a value");
      continue;
    }
    bool known = false;
    for (const auto& d : documented_settings()) known = known || arg == d.flag;
    if (!known)
      errors.push_back("unknown option '" + arg + "'");
    else
      given[arg] = value;
  }

  // Flags win over the environment; both win over defaults.
  auto lookup = [&](const setting_doc& d) -> std::optional<std::string> {
    if (auto it = given.find(d.flag); it != given.end()) return it->second;
    if (const char* env = std::getenv(d.env); env && *env) return std::string(env);
    return std::nullopt;
  };

  auto& c = out.cfg;
  std::optional<bool> demo;
  std::optional<std::string> index_file;
  bool web_root_given = false;
  for (const auto& d : documented_settings()) {
    const auto v = lookup(d);
    if (!v) continue;
    const std::string name = std::string(d.flag) + " / " + d.env;
    const std::string_view flag = d.flag;
    if (flag == "--host")
      c.host = *v;
    else if (flag == "--port")
      read_number<std::uint16_t>(name, *v, 0, 65535, c.port, errors);
    else if (flag == "--database-url") {
      c.database_url = *v;
      c.database_url_defaulted = false;
    } else if (flag == "--demo") {
      demo = read_bool(*v);
      if (!demo) errors.push_back(name + ": '" + *v + "' is not true or false");
    } else if (flag == "--jwt-secret")
      c.jwt_secret = *v;
    else if (flag == "--web-root") {
      c.web_root = *v;
      web_root_given = true;
    } else if (flag == "--io-threads")
      read_number<unsigned>(name, *v, 1, 64, c.io_threads, errors);
    else if (flag == "--workers")
      read_number<unsigned>(name, *v, 1, 256, c.workers, errors);
    else if (flag == "--db-pool-size")
      read_number<unsigned>(name, *v, 1, 256, c.db_pool_size, errors);
    else if (flag == "--db-connect-timeout")
      read_number<unsigned>(name, *v, 1, 600, c.db_connect_timeout_seconds, errors);
    else if (flag == "--db-statement-timeout")
      read_number<unsigned>(name, *v, 1, 86400, c.db_statement_timeout_seconds, errors);
    else if (flag == "--db-pool-wait")
      read_number<unsigned>(name, *v, 1, 600, c.db_pool_wait_seconds, errors);
    else if (flag == "--access-token-ttl")
      read_number<std::int64_t>(name, *v, 60, 86400, c.access_token_ttl, errors);
    else if (flag == "--refresh-token-ttl")
      read_number<std::int64_t>(name, *v, 3600, 365LL * 86400, c.refresh_token_ttl, errors);
    else if (flag == "--refresh-reuse-grace")
      read_number<std::int64_t>(name, *v, 0, 300, c.refresh_reuse_grace, errors);
    else if (flag == "--login-attempts-per-address")
      read_number<unsigned>(name, *v, 1, 1000000, c.login_attempts_per_address, errors);
    else if (flag == "--max-body-bytes")
      read_number<std::size_t>(name, *v, 1024, 1ULL << 30, c.max_body_bytes, errors);
    else if (flag == "--max-header-bytes")
      read_number<std::size_t>(name, *v, 1024, 1 << 20, c.max_header_bytes, errors);
    else if (flag == "--read-timeout")
      read_number<unsigned>(name, *v, 1, 3600, c.read_timeout_seconds, errors);
    else if (flag == "--shutdown-grace")
      read_number<unsigned>(name, *v, 0, 3600, c.shutdown_grace_seconds, errors);
    else if (flag == "--media-dir")
      c.media_dir = *v;
    else if (flag == "--media-secret")
      c.media_secret = *v;
    else if (flag == "--media-base-url")
      c.media_base_url = *v;
    else if (flag == "--media-url-ttl")
      read_number<std::int64_t>(name, *v, 60, 7 * 86400, c.media_url_ttl, errors);
    else if (flag == "--session-timeout")
      read_number<std::int64_t>(name, *v, 3, 3600, c.session_timeout, errors);
    else if (flag == "--redis")
      c.redis_url = *v;
    else if (flag == "--max-upload-bytes")
      read_number<std::size_t>(name, *v, 1024, 64ULL << 30, c.max_upload_bytes, errors);
    else if (flag == "--model-dir")
      c.model_dir = *v;
    else if (flag == "--index-file")
      index_file = *v;
    else if (flag == "--co-watch-interval")
      read_number<unsigned>(name, *v, 1, 7 * 86400, c.co_watch_interval_seconds, errors);
    else if (flag == "--demo-clips")
      read_number<unsigned>(name, *v, 1, 50, c.demo_clips, errors);
    else if (flag == "--demo-clip-seconds")
      read_number<unsigned>(name, *v, 8, 600, c.demo_clip_seconds, errors);
    else if (flag == "--sqlite-synchronous") {
      if (*v == "full" || *v == "normal")
        c.sqlite_synchronous_full = *v == "full";
      else
        errors.push_back(name + ": '" + *v + "' is not full or normal");
    } else if (flag == "--log-level") {
      if (*v == "debug")
        c.log = log_level::debug;
      else if (*v == "info")
        c.log = log_level::info;
      else if (*v == "warn")
        c.log = log_level::warn;
      else if (*v == "error")
        c.log = log_level::error;
      else
        errors.push_back(name + ": '" + *v + "' is not debug, info, warn or error");
    }
  }

  // Cached pages are answered on the I/O threads, so they get every core; workers mostly
  // wait on the database, so a few more of them than cores costs little.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (!c.io_threads) c.io_threads = std::min(cores, 8u);
  if (!c.workers) c.workers = std::max(cores, 4u);
  if (!c.db_pool_size) c.db_pool_size = std::max(c.workers, 8u);
  if (!web_root_given) c.web_root = default_web_root();
  check_environment_typos(errors);
  c.demo = demo.value_or(c.database_url_defaulted);
  c.index_file = index_file.value_or(default_index_file(c.database_url));
  if (c.index_file == "none") c.index_file.clear();
  if (!c.database_url.starts_with("sqlite:") && !c.database_url.starts_with("postgresql://") &&
      !c.database_url.starts_with("postgres://"))
    errors.push_back(
        "--database-url / KINORA_DATABASE_URL: expected sqlite:PATH or postgresql://...");
  if (!c.jwt_secret.empty() && c.jwt_secret.size() < 32)
    errors.push_back("--jwt-secret / KINORA_JWT_SECRET: must be at least 32 bytes");
  if (c.jwt_secret.empty() && !c.demo && serving)
    errors.push_back(
        "--jwt-secret / KINORA_JWT_SECRET: required outside demo mode (at least 32 bytes)");
  if (!c.media_secret.empty() && c.media_secret.size() < 32)
    errors.push_back("--media-secret / KINORA_MEDIA_SECRET: must be at least 32 bytes");
  if (c.media_secret.empty() && !c.demo && serving)
    errors.push_back(
        "--media-secret / KINORA_MEDIA_SECRET: required outside demo mode (at least 32 bytes)");
  if (!c.redis_url.empty() && !c.redis_url.starts_with("redis://"))
    errors.push_back("--redis / KINORA_REDIS_URL: expected redis://host[:port][/db]");
  if (c.media_base_url.ends_with('/')) c.media_base_url.pop_back();
  return out;
}

}  // namespace kinora::app
