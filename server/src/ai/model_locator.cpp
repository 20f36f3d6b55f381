#include "ai/model_locator.hpp"

#include <pwd.h>
#include <unistd.h>
#include <cstdlib>
#include <vector>

namespace kinora::ai {

namespace {

const char* non_empty_env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

std::filesystem::path home_dir() {
  if (const char* home = non_empty_env("HOME")) return home;
  // Services started without HOME still have a passwd entry.
  std::vector<char> buf(16384);
  passwd pw{};
  passwd* result = nullptr;
  if (::getpwuid_r(::getuid(), &pw, buf.data(), buf.size(), &result) == 0 && result != nullptr &&
      result->pw_dir != nullptr) {
    return result->pw_dir;
  }
  return std::filesystem::current_path();
}

}  // namespace

std::filesystem::path default_model_dir() {
  std::filesystem::path cache;
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  if (const char* xdg = non_empty_env("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    cache = xdg;
  } else {
    cache = home_dir() / ".cache";
  }
  return cache / "kinora" / "models" / default_model_name;
}

std::filesystem::path resolve_model_dir(const std::optional<std::filesystem::path>& explicit_dir) {
  if (explicit_dir && !explicit_dir->empty()) return *explicit_dir;
  if (const char* env = non_empty_env("KINORA_MODEL_DIR")) return env;
  return default_model_dir();
}

}  // namespace kinora::ai
