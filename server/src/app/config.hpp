#pragma once
// Settings come from flags, then KINORA_* environment variables, then defaults.
// load() reports every problem at once.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/log.hpp"

namespace kinora::app {

struct config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  std::string database_url = "sqlite:var/kinora.db";
  bool database_url_defaulted = true;
  bool demo = false;  // demo accounts; on by default with the embedded database
  std::string jwt_secret;
  std::string web_root = "web";
  unsigned io_threads = 0;  // 0: chosen from the core count by load()
  unsigned workers = 0;
  unsigned db_pool_size = 0;
  unsigned db_connect_timeout_seconds = 3;
  unsigned db_statement_timeout_seconds = 5;
  unsigned db_pool_wait_seconds = 2;
  bool sqlite_synchronous_full = true;  // --sqlite-synchronous full|normal
  std::int64_t access_token_ttl = 900;
  std::int64_t refresh_token_ttl = 30 * 24 * 3600;
  std::int64_t refresh_reuse_grace = 10;  // auth::refresh_reuse_grace_seconds
  unsigned login_attempts_per_address = 60;
  // Peers whose X-Forwarded-For names the client (nginx in front); empty: nobody's.
  std::vector<std::string> trusted_proxies;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  unsigned read_timeout_seconds = 30;
  unsigned shutdown_grace_seconds = 20;
  log_level log = log_level::info;
  std::string media_dir = "var/media";
  std::string media_secret;
  std::string media_base_url;
  std::int64_t media_url_ttl = 6 * 3600;
  std::int64_t session_timeout = 90;
  std::string redis_url;
  std::size_t max_upload_bytes = 256ULL * 1024 * 1024;
  unsigned demo_clips = 6;
  unsigned demo_clip_seconds = 60;
  std::string model_dir;   // empty: KINORA_MODEL_DIR, then the cache fetch-model.sh fills
  std::string index_file;  // saved title index; empty: none
  unsigned co_watch_interval_seconds = 3600;
};

// What load_config() learns besides the config itself, for defaults that depend on
// whether a setting was given at all.
struct given_settings {
  config& cfg;
  std::optional<bool> demo{};
  std::optional<std::string> index_file{};
  bool web_root = false;
};

// One setting: its flag, variable, default and meaning (what `kinora help` prints), and
// how its value is read. read() returns the problem with a value, or nothing.
struct setting_doc {
  const char* flag;
  const char* env;
  const char* fallback;
  const char* meaning;
  std::function<std::optional<std::string>(given_settings&, const std::string& value)> read;
};
const std::vector<setting_doc>& documented_settings();

struct load_result {
  config cfg;
  std::vector<std::string> errors;
};

// ./web when it holds the web apps, else the repository or install prefix of the binary.
std::string default_web_root();

// Where the title index is saved by default: PATH.vectors for "sqlite:PATH", else none.
std::string default_index_file(const std::string& database_url);

// args: what follows the command ("serve --port 9000" -> {"--port", "9000"}). Only a
// server issues tokens and signs media links, so only `serving` requires the secrets.
load_result load_config(const std::vector<std::string>& args, bool serving = true);

}  // namespace kinora::app
