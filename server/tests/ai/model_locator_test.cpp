#include <gtest/gtest.h>
#include <cstdlib>
#include <optional>
#include <string>

#include "ai/model_locator.hpp"

namespace kinora::ai {
namespace {

// Sets (or unsets) an environment variable for the scope of a test.
class scoped_env {
 public:
  scoped_env(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~scoped_env() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ModelLocator, ExplicitDirectoryWins) {
  scoped_env env("KINORA_MODEL_DIR", "/from/env");
  EXPECT_EQ(resolve_model_dir(std::filesystem::path("/from/flag")), "/from/flag");
}

TEST(ModelLocator, EnvironmentBeatsTheCache) {
  scoped_env env("KINORA_MODEL_DIR", "/from/env");
  scoped_env xdg("XDG_CACHE_HOME", "/xdg");
  EXPECT_EQ(resolve_model_dir(std::nullopt), "/from/env");
  EXPECT_EQ(resolve_model_dir(std::filesystem::path()),
            "/from/env");  // an empty --model is no choice
}

TEST(ModelLocator, DefaultsToTheXdgCache) {
  scoped_env env("KINORA_MODEL_DIR", "");
  scoped_env xdg("XDG_CACHE_HOME", "/xdg/cache");
  EXPECT_EQ(resolve_model_dir(std::nullopt), "/xdg/cache/kinora/models/all-MiniLM-L6-v2");
}

TEST(ModelLocator, FallsBackToHomeCache) {
  scoped_env env("KINORA_MODEL_DIR", nullptr);
  scoped_env home("HOME", "/home/someone");
  {
    scoped_env xdg("XDG_CACHE_HOME", nullptr);
    EXPECT_EQ(default_model_dir(), "/home/someone/.cache/kinora/models/all-MiniLM-L6-v2");
  }
  {
    scoped_env xdg("XDG_CACHE_HOME", "relative/cache");  // invalid per the XDG spec: ignored
    EXPECT_EQ(default_model_dir(), "/home/someone/.cache/kinora/models/all-MiniLM-L6-v2");
  }
}

}  // namespace
}  // namespace kinora::ai
