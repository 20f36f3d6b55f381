#include "core/files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <random>

namespace kinora::files {
namespace {

namespace fs = std::filesystem;

fs::path scratch() {
  const auto dir = fs::temp_directory_path() /
                   ("kinora_files_" + std::to_string(std::random_device{}() % 1000000000));
  fs::create_directories(dir);
  return dir;
}

TEST(WriteDurably, WritesTheWholeFileWithItsModeAndLeavesNoTemporary) {
  const auto dir = scratch();
  const auto key = dir / "asset.json";
  write_durably(key, R"({"key":"00112233445566778899aabbccddeeff"})", 0600);
  write_durably(key, R"({"key":"ffeeddccbbaa99887766554433221100"})", 0600);  // replaces
  EXPECT_EQ(read(key), R"({"key":"ffeeddccbbaa99887766554433221100"})");
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(fs::exists(key.string() + ".tmp"));
  fs::remove_all(dir);
}

TEST(WriteDurably, FailsWithTheCauseAndLeavesNothingBehind) {
  const auto dir = scratch();
  const auto key = dir / "missing-folder" / "asset.json";
  try {
    write_durably(key, "secret", 0600);
    FAIL() << "wrote into a folder that does not exist";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(key.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
  }
  // A file that is a folder cannot be replaced: the rename fails and the temporary goes.
  fs::create_directories(dir / "taken" / "inside");
  EXPECT_THROW(write_durably(dir / "taken", "secret", 0600), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "taken.tmp"));
  EXPECT_TRUE(fs::is_directory(dir / "taken"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kinora::files
