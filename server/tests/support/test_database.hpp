#pragma once
// A fresh, migrated database on each backend the suite can reach: SQLite always,
// PostgreSQL when KINORA_TEST_POSTGRES_URL names a server (required when CI=true).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kinora::testing {

inline std::vector<std::string> backends() {
  std::vector<std::string> out{"sqlite"};
  const char* pg = std::getenv("KINORA_TEST_POSTGRES_URL");
  const char* ci = std::getenv("CI");
  if (pg && *pg)
    out.push_back("postgres");
  else if (ci && std::string(ci) == "true")
    out.push_back("postgres-missing");
  return out;
}

class test_database {
 public:
  explicit test_database(const std::string& backend) {
    std::mt19937_64 rng{std::random_device{}()};
    const std::string name = "kinora_unit_" + std::to_string(rng() % 1000000000);
    if (backend == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / name;
      std::filesystem::create_directories(dir_);
      db_ = storage::open_database("sqlite:" + (dir_ / "test.db").string(), 4);
    } else if (backend == "postgres") {
      admin_url_ = std::getenv("KINORA_TEST_POSTGRES_URL");
      storage::open_database(admin_url_, 1)->acquire()->run_script("CREATE DATABASE " + name);
      name_ = name;
      db_ = storage::open_database(admin_url_.substr(0, admin_url_.rfind('/') + 1) + name, 4);
    } else {
      throw std::runtime_error("CI=true but KINORA_TEST_POSTGRES_URL is not set");
    }
    storage::migrate(*db_);
  }
  ~test_database() {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!name_.empty()) {
      try {
        storage::open_database(admin_url_, 1)
            ->acquire()
            ->run_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      } catch (...) {
      }
    }
  }
  storage::database& operator*() { return *db_; }
  storage::database* operator->() { return db_.get(); }

 private:
  std::filesystem::path dir_;
  std::string admin_url_, name_;
  std::unique_ptr<storage::database> db_;
};

// Value-parameterised fixture: TEST_P(..., ...) runs once per backend.
class per_backend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db_ = std::make_unique<test_database>(GetParam()); }
  storage::database& db() { return **db_; }
  std::unique_ptr<test_database> db_;
};

}  // namespace kinora::testing
