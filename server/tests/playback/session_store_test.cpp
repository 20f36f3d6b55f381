// Both session stores keep the same contract: the stream limit is checked and taken in
// one step, silent sessions expire, ended ones are remembered (for 410s). Redis runs
// when KINORA_TEST_REDIS_URL names a real server (scripts/test.sh starts one; CI needs it).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <random>
#include <thread>

#include "../support/test_redis.hpp"
#include "playback/session_store.hpp"
#include "storage/database.hpp"

namespace kinora::playback {
namespace {

class session_store_test : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "redis-missing") FAIL() << "CI=true but KINORA_TEST_REDIS_URL is not set";
    store = GetParam() == "memory" ? make_memory_session_store()
                                   : make_redis_session_store(std::getenv("KINORA_TEST_REDIS_URL"));
    // Accounts unique per test, so runs against one Redis never meet.
    account = static_cast<std::int64_t>(std::random_device{}() % 1000000000) + 1000;
  }

  playback_session make(const std::string& id, std::int64_t now) {
    playback_session s;
    s.id = id + std::to_string(account);
    s.account_id = account;
    s.profile_id = 7;
    s.title_id = 3;
    s.asset_id = "demo-1";
    s.duration_seconds = 60;
    s.started_at = now;
    s.last_heartbeat = now;
    s.expires_at = now + 90;
    return s;
  }

  std::unique_ptr<session_store> store;
  std::int64_t account = 0;
  const std::int64_t t0 = 1'800'000'000;
};

TEST_P(session_store_test, limit_is_enforced_and_freed_by_ending) {
  const auto a = make("a", t0), b = make("b", t0), c = make("c", t0);
  EXPECT_TRUE(store->start(a, 2, t0));
  EXPECT_TRUE(store->start(b, 2, t0));
  EXPECT_FALSE(store->start(c, 2, t0));
  EXPECT_EQ(store->live_sessions(account, t0).size(), 2u);
  EXPECT_TRUE(store->end(a.id, 30, t0 + 5));
  EXPECT_FALSE(store->end(a.id, 30, t0 + 6)) << "ending twice";
  EXPECT_TRUE(store->start(c, 2, t0 + 6));
  const auto ended = store->find(a.id);
  ASSERT_TRUE(ended);
  EXPECT_FALSE(ended->live(t0 + 6));
  EXPECT_EQ(ended->position_seconds, 30);
  EXPECT_EQ(ended->ended_at, t0 + 5);
}

TEST_P(session_store_test, a_channel_session_keeps_what_it_watches) {
  auto a = make("a", t0);
  a.title_id = 0;
  a.channel_id = 12;
  a.programme_id = 34;
  a.asset_id = "live-12-34";
  ASSERT_TRUE(store->start(a, 1, t0));
  const auto found = store->find(a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->channel_id, 12);
  EXPECT_EQ(found->programme_id, 34);
  EXPECT_EQ(found->title_id, 0);
  EXPECT_EQ(found->asset_id, "live-12-34");
}

TEST_P(session_store_test, silent_sessions_expire_and_heartbeats_keep_them) {
  auto a = make("a", t0);
  ASSERT_TRUE(store->start(a, 1, t0));
  EXPECT_TRUE(store->touch(a.id, 12, t0 + 80, t0 + 170));
  EXPECT_FALSE(store->start(make("b", t0), 1, t0 + 120)) << "the heartbeat kept it live";
  const auto seen = store->find(a.id);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->position_seconds, 12);
  EXPECT_EQ(seen->expires_at, t0 + 170);
  EXPECT_TRUE(store->start(make("b", t0 + 171), 1, t0 + 171)) << "expired: slot freed";
  EXPECT_FALSE(store->touch(a.id, 13, t0 + 172, t0 + 262)) << "no heartbeat after expiry";
  EXPECT_TRUE(store->find(a.id)) << "remembered, so the API can answer 410";
  EXPECT_FALSE(store->find("never-" + std::to_string(account)));
}

TEST_P(session_store_test, concurrent_starts_never_exceed_the_limit) {
  // With Redis each thread has its own connection, as separate instances would.
  std::vector<std::unique_ptr<session_store>> own;
  for (int i = 0; i < 8 && GetParam() == "redis"; ++i)
    own.push_back(make_redis_session_store(std::getenv("KINORA_TEST_REDIS_URL")));
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      auto& target = own.empty() ? *store : *own[static_cast<std::size_t>(i)];
      if (target.start(make("t" + std::to_string(i) + "-", t0), 3, t0)) ++admitted;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted.load(), 3);
}

INSTANTIATE_TEST_SUITE_P(stores, session_store_test,
                         ::testing::ValuesIn(kinora::testing::redis_kinds()), [](const auto& p) {
                           std::string n = p.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// Not at construction: the server starts while Redis is down (issue 18), and every use
// fails, naming Redis, until it answers.
TEST(redis_session_store, unreachable_server_is_an_error_naming_redis) {
  auto store = make_redis_session_store("redis://127.0.0.1:1");
  EXPECT_THROW(store->ping(), storage::storage_error);
  try {
    store->live_sessions(1, 0);
    FAIL() << "expected an error";
  } catch (const storage::storage_error& e) {
    EXPECT_EQ(e.which(), storage::storage_error::kind::connection);
    EXPECT_EQ(e.source(), "Redis");
  }
}

}  // namespace
}  // namespace kinora::playback
