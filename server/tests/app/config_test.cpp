#include "app/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace kinora::app {
namespace {

bool names(const load_result& r, std::string_view text) {
  for (const auto& e : r.errors)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

TEST(Config, AMistypedVariableIsNamedWithTheSettingItMeant) {
  ::setenv("KINORA_PROT", "9000", 1);
  ::setenv("KINORA_TEST_SOMETHING", "1", 1);  // a tool's variable, not a near miss
  const auto r = load_config({"--demo"});
  ::unsetenv("KINORA_PROT");
  ::unsetenv("KINORA_TEST_SOMETHING");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "KINORA_PROT: not a Kinora setting; did you mean KINORA_PORT?");
}

TEST(Config, TheEncodersDiagnosticVariableIsKnownButNotASetting) {
  ::setenv("KINORA_DENSE_KERNELS", "AVX2", 1);
  EXPECT_TRUE(load_config({"--demo"}).errors.empty());
  ::unsetenv("KINORA_DENSE_KERNELS");
  ::setenv("KINORA_DENSE_KERNEL", "AVX2", 1);
  const auto r = load_config({"--demo"});
  ::unsetenv("KINORA_DENSE_KERNEL");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0],
            "KINORA_DENSE_KERNEL: not a Kinora setting; did you mean KINORA_DENSE_KERNELS?");
}

TEST(Config, OnlyTheServerNeedsTheSecrets) {
  const std::vector<std::string> args{"--database-url", "postgresql://db/kinora"};
  const auto serving = load_config(args, true);
  EXPECT_TRUE(names(serving, "--jwt-secret")) << serving.errors.size();
  EXPECT_TRUE(names(serving, "--media-secret"));
  EXPECT_TRUE(load_config(args, false).errors.empty());
}

TEST(Config, SqliteKeepsEveryAcknowledgedWriteUnlessTheOperatorChoosesNormal) {
  EXPECT_TRUE(load_config({}).cfg.sqlite_synchronous_full);
  EXPECT_FALSE(load_config({"--sqlite-synchronous", "normal"}).cfg.sqlite_synchronous_full);
  EXPECT_TRUE(load_config({"--sqlite-synchronous", "full"}).cfg.sqlite_synchronous_full);
  EXPECT_TRUE(names(load_config({"--sqlite-synchronous", "off"}), "--sqlite-synchronous"));
}

TEST(Config, AnExplicitWebRootIsKept) {
  EXPECT_EQ(load_config({"--web-root", "/srv/kinora/web"}).cfg.web_root, "/srv/kinora/web");
  EXPECT_FALSE(load_config({}).cfg.web_root.empty());
}

TEST(Config, EverySettingReadsItsValueAndNamesItselfWhenTheValueIsBad) {
  for (const auto& d : documented_settings()) {
    ASSERT_TRUE(d.read) << d.flag;
    // "--flag=value": a bare --demo is a switch. Not serving: no secrets are required.
    const auto r = load_config({std::string(d.flag) + "=not-a-value?"}, false);
    for (const auto& e : r.errors)
      EXPECT_TRUE(e.starts_with(std::string(d.flag) + " / " + d.env + ": ")) << d.flag << ": " << e;
  }
  const auto r = load_config({"--port", "70000", "--log-level", "loud", "--read-timeout", "5"});
  EXPECT_EQ(r.errors.size(), 2u);
  EXPECT_TRUE(names(r, "'70000' is not a whole number from 0 to 65535"));
  EXPECT_TRUE(names(r, "'loud' is not debug, info, warn or error"));
  EXPECT_EQ(r.cfg.read_timeout_seconds, 5u);
}

TEST(Config, ThreadsFollowTheCoresUnlessGiven) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto chosen = load_config({}).cfg;
  EXPECT_EQ(chosen.io_threads, std::min(cores, 8u));
  EXPECT_EQ(chosen.workers, std::max(cores, 4u));
  EXPECT_GE(chosen.db_pool_size, chosen.workers);  // no worker waits for a connection
  const auto given = load_config({"--io-threads", "3", "--workers", "12"}).cfg;
  EXPECT_EQ(given.io_threads, 3u);
  EXPECT_EQ(given.workers, 12u);
  EXPECT_EQ(given.db_pool_size, 12u);
  EXPECT_EQ(load_config({"--workers", "12", "--db-pool-size", "5"}).cfg.db_pool_size, 5u);
}

}  // namespace
}  // namespace kinora::app
