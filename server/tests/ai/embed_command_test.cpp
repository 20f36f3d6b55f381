#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "ai/embed_command.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

struct run_result {
  int code;
  std::string out;
  std::string err;
};

run_result run(std::vector<std::string> args) {
  args.insert(args.begin(), "embed");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  const int code = run_embed_command(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

class EmbedCommand : public ::testing::Test {
 protected:
  void SetUp() override { model_.write(dir_.path()); }
  test::temp_dir dir_{"cli"};
  test::tiny_bert model_;
};

TEST_F(EmbedCommand, PrintsOneUnitVectorPerTextAsJson) {
  const auto r =
      run({"--model", dir_.path().string(), "the space heist", "a dark comedy", "--", "-x"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto json = boost::json::parse(r.out).as_object();
  EXPECT_EQ(json.at("model").as_string(), dir_.path().filename().string());
  EXPECT_EQ(json.at("dimension").to_number<int>(), 16);
  const auto& vectors = json.at("vectors").as_array();
  ASSERT_EQ(vectors.size(), 3u);
  for (const auto& v : vectors) {
    ASSERT_EQ(v.as_array().size(), 16u);
    double norm = 0;
    for (const auto& x : v.as_array()) norm += x.to_number<double>() * x.to_number<double>();
    EXPECT_NEAR(norm, 1.0, 1e-5);
  }
}

TEST_F(EmbedCommand, ModelDirectoryComesFromTheEnvironment) {
  const char* old = std::getenv("KINORA_MODEL_DIR");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  ::setenv("KINORA_MODEL_DIR", dir_.path().c_str(), 1);
  const auto r = run({"hello"});
  if (saved) {
    ::setenv("KINORA_MODEL_DIR", saved->c_str(), 1);
  } else {
    ::unsetenv("KINORA_MODEL_DIR");
  }
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(EmbedCommand, BenchReportsThroughputAndLatency) {
  test::write_text(
      dir_.path() / "bench.json",
      R"({"items": [{"text": "the movie", "input_ids": [3, 6, 8, 4]}, {"text": "a fox"}, {"text": "dark film"}]})");
  const auto r = run({"--model", dir_.path().string(), "--bench",
                      (dir_.path() / "bench.json").string(), "--runs", "5"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("texts/s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("p50"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("p99"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1/1 texts match"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("37 texts/s reference"), std::string::npos) << r.out;
}

TEST_F(EmbedCommand, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run({}).code, 2);
  EXPECT_EQ(run({"--frobnicate", "x", "text"}).code, 2);
  EXPECT_EQ(run({"--threads", "zero", "text"}).code, 2);
  EXPECT_EQ(run({"--model"}).code, 2);
  EXPECT_EQ(run({"--bench", "f.json", "text"}).code, 2);
  const auto help = run({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("usage: kinora embed"), std::string::npos);
}

TEST_F(EmbedCommand, MissingModelFailsNamingIt) {
  const auto r = run({"--model", "/nonexistent/model-dir", "text"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/nonexistent/model-dir"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kinora::ai
