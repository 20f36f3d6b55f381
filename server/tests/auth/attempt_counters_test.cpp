// Sign-in counters keep one contract in the process and in Redis (KINORA_TEST_REDIS_URL,
// as the session store's tests): counts with a fixed or sliding expiry, reset, and no
// failure lost when instances count at once. A Redis that does not answer leaves the
// counting to this process.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <thread>

#include "../support/test_redis.hpp"
#include "auth/login_throttle.hpp"
#include "playback/redis_client.hpp"

namespace kinora::auth {
namespace {

// As app/application.cpp wires them.
std::unique_ptr<attempt_counters> redis_counters(const std::string& url) {
  auto redis = std::make_shared<playback::redis_client>(url);
  return make_redis_attempt_counters([redis](const std::string& script,
                                             const std::vector<std::string>& keys,
                                             const std::vector<std::string>& args) {
    std::vector<std::string> command{"EVAL", script, std::to_string(keys.size())};
    command.insert(command.end(), keys.begin(), keys.end());
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::int64_t> out;
    for (const auto& e : redis->command(command).elements) out.push_back(e.integer);
    return out;
  });
}

class attempt_counters_test : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "redis-missing") FAIL() << "CI=true but KINORA_TEST_REDIS_URL is not set";
    counters = make();
    // Keys unique per run, so runs against one Redis never meet.
    key = "test:" + std::to_string(std::random_device{}()) + ":";
  }
  std::unique_ptr<attempt_counters> make() const {
    return GetParam() == "memory" ? make_memory_attempt_counters()
                                  : redis_counters(std::getenv("KINORA_TEST_REDIS_URL"));
  }
  // Redis expires keys on its own clock, so times here are near the real now.
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  std::unique_ptr<attempt_counters> counters;
  std::string key;
};

TEST_P(attempt_counters_test, counts_expire_fixed_or_sliding_and_reset) {
  EXPECT_EQ(counters->get(key + "a", now).count, 0);
  EXPECT_EQ(counters->add(key + "a", now, 60'000, false).count, 1);
  const auto second = counters->add(key + "a", now + 10, 60'000, false);
  EXPECT_EQ(second.count, 2);
  EXPECT_EQ(second.last_ms, now + 10);
  // Fixed: the first failure's expiry stands (within Redis's clock and rounding).
  EXPECT_NEAR(static_cast<double>(second.expires_ms), static_cast<double>(now + 60'000), 2000);
  const auto seen = counters->get(key + "a", now + 20);
  EXPECT_EQ(seen.count, 2);
  EXPECT_EQ(seen.last_ms, now + 10);
  counters->reset(key + "a");
  EXPECT_EQ(counters->get(key + "a", now + 30).count, 0);

  counters->add(key + "b", now, 60'000, true);
  const auto slid = counters->add(key + "b", now + 30'000, 60'000, true);
  EXPECT_NEAR(static_cast<double>(slid.expires_ms), static_cast<double>(now + 90'000), 2000);
}

TEST_P(attempt_counters_test, short_counts_are_forgotten) {
  counters->add(key + "c", now, 200, false);
  EXPECT_EQ(counters->get(key + "c", now).count, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(counters->get(key + "c", now + 400).count, 0);
}

TEST_P(attempt_counters_test, instances_counting_at_once_lose_nothing) {
  // With Redis each thread has its own connection, as separate instances would.
  std::vector<std::unique_ptr<attempt_counters>> own;
  for (int i = 0; i < 6 && GetParam() == "redis"; ++i) own.push_back(make());
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&, i] {
      auto& c = own.empty() ? *counters : *own[static_cast<std::size_t>(i)];
      for (int j = 0; j < 50; ++j) c.add(key + "d", now, 60'000, true);
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(counters->get(key + "d", now).count, 300);
}

INSTANTIATE_TEST_SUITE_P(stores, attempt_counters_test,
                         ::testing::ValuesIn(kinora::testing::redis_kinds()),
                         [](const auto& p) { return p.param; });

TEST(redis_attempt_counters, an_unreachable_redis_leaves_the_counting_to_this_process) {
  const auto counters = redis_counters("redis://127.0.0.1:1");
  EXPECT_EQ(counters->add("k", 1000, 60'000, false).count, 1);
  EXPECT_EQ(counters->add("k", 1001, 60'000, false).count, 2);
  EXPECT_EQ(counters->get("k", 1002).count, 2);
  counters->reset("k");
  EXPECT_EQ(counters->get("k", 1003).count, 0);
}

}  // namespace
}  // namespace kinora::auth
