#include <gtest/gtest.h>

#include <string>

#include "ai/encoder.hpp"
#include "ai/model_checksums.hpp"
#include "ai/model_error.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

using test::temp_dir;
using test::write_text;

constexpr const char* sha_of_abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string refusal(const std::filesystem::path& dir) {
  try {
    verify_checksums(dir);
  } catch (const model_error& e) {
    return e.what();
  }
  return "";
}

TEST(ModelChecksums, MatchingFilesPassAndADirectoryWithoutSumsIsNotChecked) {
  temp_dir dir("sums-ok");
  write_text(dir.path() / "weights.bin", "abc");
  EXPECT_EQ(refusal(dir.path()), "");
  write_text(dir.path() / "SHA256SUMS", std::string(sha_of_abc) + "  weights.bin\n\n");
  EXPECT_EQ(refusal(dir.path()), "");
}

TEST(ModelChecksums, AChangedFileIsRefusedWithTheFix) {
  temp_dir dir("sums-changed");
  write_text(dir.path() / "weights.bin", "abd");
  write_text(dir.path() / "SHA256SUMS", std::string(sha_of_abc) + "  weights.bin\n");
  const auto why = refusal(dir.path());
  EXPECT_NE(why.find("weights.bin does not match its sha256"), std::string::npos) << why;
  EXPECT_NE(why.find("make model"), std::string::npos) << why;
}

TEST(ModelChecksums, AMissingFileOrABrokenLineIsRefused) {
  temp_dir dir("sums-missing");
  write_text(dir.path() / "SHA256SUMS", std::string(sha_of_abc) + "  1_Pooling/config.json\n");
  EXPECT_NE(refusal(dir.path()).find("config.json is missing"), std::string::npos);
  write_text(dir.path() / "SHA256SUMS", "not a checksum line\n");
  EXPECT_NE(refusal(dir.path()).find("SHA256SUMS line 1"), std::string::npos);
}

TEST(ModelChecksums, LoadingAnEncoderChecksFirst) {
  temp_dir dir("sums-encoder");
  write_text(dir.path() / "config.json", R"({"model_type": "bert"})");
  write_text(dir.path() / "SHA256SUMS", std::string(sha_of_abc) + "  config.json\n");
  try {
    load_encoder(dir.path());
    FAIL() << "a config.json that does not match its sha256 was used";
  } catch (const model_error& e) {
    EXPECT_NE(std::string(e.what()).find("config.json does not match"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace kinora::ai
