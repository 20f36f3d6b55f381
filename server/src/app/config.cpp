#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include <unistd.h>  // environ

#include "ai/dense_kernels.hpp"
#include "http/client_address.hpp"

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

// A KINORA_ variable one or two letters away from a setting (or from the encoder's
// KINORA_DENSE_KERNELS, an environment-only diagnostic) is a typo that would otherwise be
// ignored in silence. (Others, such as the test tools' KINORA_TEST_*, are not Kinora's
// and are left alone.)
void check_environment_typos(std::vector<std::string>& errors) {
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('='));
    if (!name.starts_with("KINORA_")) continue;
    std::string_view closest;
    std::size_t best = 3;
    auto consider = [&](std::string_view known) {
      const auto distance = edit_distance(name, known);
      if (distance < best) {
        best = distance;
        closest = known;
      }
    };
    for (const auto& d : documented_settings()) consider(d.env);
    consider(ai::dense_kernels_variable);
    if (!closest.empty() && best > 0)
      errors.push_back(std::string(name) + ": not a Kinora setting; did you mean " +
                       std::string(closest) + "?");
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

namespace {

using reader = std::function<std::optional<std::string>(given_settings&, const std::string&)>;

std::optional<bool> read_bool(const std::string& text) {
  if (text == "true" || text == "1" || text == "yes" || text.empty()) return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return std::nullopt;
}

// A whole number from min to max into a config field.
template <class T>
reader number(T config::*field, long long min, long long max) {
  return [=](given_settings& g, const std::string& text) -> std::optional<std::string> {
    long long v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || v < min || v > max)
      return "'" + text + "' is not a whole number from " + std::to_string(min) + " to " +
             std::to_string(max);
    g.cfg.*field = static_cast<T>(v);
    return std::nullopt;
  };
}

reader text(std::string config::*field) {
  return [=](given_settings& g, const std::string& v) -> std::optional<std::string> {
    g.cfg.*field = v;
    return std::nullopt;
  };
}

std::optional<std::string> read_database_url(given_settings& g, const std::string& v) {
  g.cfg.database_url = v;
  g.cfg.database_url_defaulted = false;
  return std::nullopt;
}

std::optional<std::string> read_demo(given_settings& g, const std::string& v) {
  g.demo = read_bool(v);
  if (!g.demo) return "'" + v + "' is not true or false";
  return std::nullopt;
}

std::optional<std::string> read_web_root(given_settings& g, const std::string& v) {
  g.cfg.web_root = v;
  g.web_root = true;
  return std::nullopt;
}

std::optional<std::string> read_index_file(given_settings& g, const std::string& v) {
  g.index_file = v;
  return std::nullopt;
}

std::optional<std::string> read_trusted_proxies(given_settings& g, const std::string& v) {
  g.cfg.trusted_proxies.clear();
  std::string problems;
  for (const auto& cidr : http::split_list(v)) {
    if (auto bad = http::cidr_problem(cidr))
      problems += (problems.empty() ? "'" : "; '") + cidr + "' " + *bad;
    else
      g.cfg.trusted_proxies.push_back(cidr);
  }
  if (problems.empty()) return std::nullopt;
  return problems;
}

std::optional<std::string> read_sqlite_synchronous(given_settings& g, const std::string& v) {
  if (v != "full" && v != "normal") return "'" + v + "' is not full or normal";
  g.cfg.sqlite_synchronous_full = v == "full";
  return std::nullopt;
}

std::optional<std::string> read_log_level(given_settings& g, const std::string& v) {
  static constexpr std::pair<std::string_view, log_level> levels[] = {{"debug", log_level::debug},
                                                                      {"info", log_level::info},
                                                                      {"warn", log_level::warn},
                                                                      {"error", log_level::error}};
  for (const auto& [name, level] : levels)
    if (v == name) {
      g.cfg.log = level;
      return std::nullopt;
    }
  return "'" + v + "' is not debug, info, warn or error";
}

}  // namespace

const std::vector<setting_doc>& documented_settings() {
  static const std::vector<setting_doc> docs{
      {"--host", "KINORA_HOST", "127.0.0.1", "Address to listen on", text(&config::host)},
      {"--port", "KINORA_PORT", "8000", "TCP port (0 picks a free one)",
       number(&config::port, 0, 65535)},
      {"--database-url", "KINORA_DATABASE_URL", "sqlite:var/kinora.db",
       "sqlite:PATH or postgresql://user:pass@host/db", read_database_url},
      {"--demo", "KINORA_DEMO", "true with the default database, else false",
       "Seed an empty database and create the demo accounts", read_demo},
      {"--jwt-secret", "KINORA_JWT_SECRET", "generated and kept in the database in demo mode",
       "HS256 key for access tokens, at least 32 bytes; required by `serve` outside demo mode (the "
       "import and media tools need none)",
       text(&config::jwt_secret)},
      {"--web-root", "KINORA_WEB_ROOT", "./web, else the repository or install the binary is in",
       "Folder with docs/, client/dist and admin/dist", read_web_root},
      {"--io-threads", "KINORA_IO_THREADS", "the number of cores, at most 8",
       "Threads doing socket I/O and answering requests from cached pages",
       number(&config::io_threads, 1, 64)},
      {"--workers", "KINORA_WORKERS", "the number of cores, at least 4",
       "Threads running request handlers that need the database", number(&config::workers, 1, 256)},
      {"--db-pool-size", "KINORA_DB_POOL_SIZE", "8, or --workers when that is more",
       "Database connections per instance", number(&config::db_pool_size, 1, 256)},
      {"--db-connect-timeout", "KINORA_DB_CONNECT_TIMEOUT", "3",
       "Seconds to open a PostgreSQL connection",
       number(&config::db_connect_timeout_seconds, 1, 600)},
      {"--db-statement-timeout", "KINORA_DB_STATEMENT_TIMEOUT", "5",
       "Seconds PostgreSQL may run one statement; a server silent for one more second is "
       "treated as hung and the request gets 503",
       number(&config::db_statement_timeout_seconds, 1, 86400)},
      {"--db-pool-wait", "KINORA_DB_POOL_WAIT", "2",
       "Seconds a request waits for a free database connection before 503",
       number(&config::db_pool_wait_seconds, 1, 600)},
      {"--sqlite-synchronous", "KINORA_SQLITE_SYNCHRONOUS", "full",
       "full: every acknowledged write survives a power loss; normal: faster commits, a "
       "power loss (not a crash) can lose the last ones",
       read_sqlite_synchronous},
      {"--access-token-ttl", "KINORA_ACCESS_TOKEN_TTL", "900", "Access token lifetime, seconds",
       number(&config::access_token_ttl, 60, 86400)},
      {"--refresh-token-ttl", "KINORA_REFRESH_TOKEN_TTL", "2592000",
       "Refresh token lifetime, seconds", number(&config::refresh_token_ttl, 3600, 365LL * 86400)},
      {"--refresh-reuse-grace", "KINORA_REFRESH_REUSE_GRACE", "10",
       "Seconds a just-rotated refresh token still gets the same successor (tabs refreshing at "
       "once); reuse later revokes its sessions",
       number(&config::refresh_reuse_grace, 0, 300)},
      {"--login-attempts-per-address", "KINORA_LOGIN_ATTEMPTS_PER_ADDRESS", "60",
       "Failed sign-ins one client address may make per 5 minutes, across accounts (one "
       "account from one address waits 1 s, 2 s, 4 s ... up to 15 min after 5 failures)",
       number(&config::login_attempts_per_address, 1, 1000000)},
      {"--trusted-proxies", "KINORA_TRUSTED_PROXIES", "(empty: trust nobody)",
       "CIDR[,CIDR...] of reverse proxies whose X-Forwarded-For names the client (e.g. "
       "127.0.0.1/32,::1/128 for nginx on the same host)",
       read_trusted_proxies},
      {"--max-body-bytes", "KINORA_MAX_BODY_BYTES", "1048576", "Largest request body accepted",
       number(&config::max_body_bytes, 1024, 1LL << 30)},
      {"--max-header-bytes", "KINORA_MAX_HEADER_BYTES", "16384",
       "Largest request header block accepted", number(&config::max_header_bytes, 1024, 1 << 20)},
      {"--read-timeout", "KINORA_READ_TIMEOUT", "30", "Seconds to receive one request",
       number(&config::read_timeout_seconds, 1, 3600)},
      {"--shutdown-grace", "KINORA_SHUTDOWN_GRACE", "20",
       "Seconds in-flight requests get on SIGTERM",
       number(&config::shutdown_grace_seconds, 0, 3600)},
      {"--log-level", "KINORA_LOG_LEVEL", "info", "debug, info, warn or error", read_log_level},
      {"--media-dir", "KINORA_MEDIA_DIR", "var/media",
       "Packaged HLS (hls/), content keys (keys/), uploads", text(&config::media_dir)},
      {"--media-secret", "KINORA_MEDIA_SECRET", "generated and kept in the database in demo mode",
       "Signs media URLs, at least 32 bytes; nginx's `secure_link` needs the same value; required "
       "by `serve` outside demo mode",
       text(&config::media_secret)},
      {"--media-base-url", "KINORA_MEDIA_BASE_URL", "(empty: this server)",
       "Origin of signed media URLs, e.g. https://media.example.com served by nginx",
       text(&config::media_base_url)},
      {"--media-url-ttl", "KINORA_MEDIA_URL_TTL", "21600", "Lifetime of signed media URLs, seconds",
       number(&config::media_url_ttl, 60, 7 * 86400)},
      {"--session-timeout", "KINORA_SESSION_TIMEOUT", "90",
       "Seconds without a heartbeat after which a playback session ends",
       number(&config::session_timeout, 3, 3600)},
      {"--redis", "KINORA_REDIS_URL", "(empty: in-process)",
       "redis://host:port/db shares playback sessions, stream counts and failed sign-ins "
       "between instances, and catalog changes drop every instance's cached pages",
       text(&config::redis_url)},
      {"--max-upload-bytes", "KINORA_MAX_UPLOAD_BYTES", "268435456",
       "Largest media upload accepted", number(&config::max_upload_bytes, 1024, 64LL << 30)},
      {"--demo-clips", "KINORA_DEMO_CLIPS", "6", "Demo clips packaged for the demo catalog",
       number(&config::demo_clips, 1, 50)},
      {"--demo-clip-seconds", "KINORA_DEMO_CLIP_SECONDS", "60", "Length of each demo clip",
       number(&config::demo_clip_seconds, 8, 600)},
      {"--model-dir", "KINORA_MODEL_DIR", "~/.cache/kinora/models/all-MiniLM-L6-v2",
       "Sentence encoder for recommendations (make model fetches it); without one, similar "
       "titles fall back to shared genres",
       text(&config::model_dir)},
      {"--index-file", "KINORA_INDEX_FILE", "PATH.vectors beside a sqlite:PATH database, else none",
       "Saved title vector index, loaded at start-up while it matches the catalog; none to "
       "disable",
       read_index_file},
      {"--co-watch-interval", "KINORA_CO_WATCH_INTERVAL", "3600",
       "Seconds between rebuilds of the co-watch neighbours For You uses (one instance "
       "rebuilds, all load it)",
       number(&config::co_watch_interval_seconds, 1, 7 * 86400)},
  };
  return docs;
}

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
  given_settings g{c};
  for (const auto& d : documented_settings()) {
    if (const auto v = lookup(d))
      if (auto problem = d.read(g, *v))
        errors.push_back(std::string(d.flag) + " / " + d.env + ": " + *problem);
  }

  // Cached pages are answered on the I/O threads, so they get every core; workers mostly
  // wait on the database, so a few more of them than cores costs little.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (!c.io_threads) c.io_threads = std::min(cores, 8u);
  if (!c.workers) c.workers = std::max(cores, 4u);
  if (!c.db_pool_size) c.db_pool_size = std::max(c.workers, 8u);
  if (!g.web_root) c.web_root = default_web_root();
  check_environment_typos(errors);
  c.demo = g.demo.value_or(c.database_url_defaulted);
  c.index_file = g.index_file.value_or(default_index_file(c.database_url));
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
