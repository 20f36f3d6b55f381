#include "catalog/response_cache.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace kinora::catalog {
namespace {

TEST(ResponseCache, KeepsABodyWithItsTotalUntilCleared) {
  response_cache cache(std::chrono::seconds(60));
  cache.store("a", {"body-a", 7}, cache.generation());
  const auto page = cache.find("a");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, "body-a");
  EXPECT_EQ(page->total, 7);
  EXPECT_FALSE(cache.find("b"));
  cache.clear();
  EXPECT_FALSE(cache.find("a"));
}

TEST(ResponseCache, APageRenderedBeforeAClearIsNotStored) {
  response_cache cache(std::chrono::seconds(60));
  const auto before = cache.generation();
  cache.clear();  // an admin write while the page was being rendered
  cache.store("a", {"stale", 0}, before);
  EXPECT_FALSE(cache.find("a"));
  cache.store("a", {"fresh", 0}, cache.generation());
  EXPECT_EQ(cache.find("a")->body, "fresh");
}

TEST(ResponseCache, AClearIsAnnouncedAndAClearFromElsewhereIsNot) {
  response_cache cache(std::chrono::seconds(60));
  int announced = 0;
  cache.set_announcer([&] { ++announced; });
  cache.store("a", {"page", 1}, cache.generation());
  cache.clear_here();  // another instance's change: nothing to tell
  EXPECT_FALSE(cache.find("a"));
  EXPECT_EQ(announced, 0);
  cache.store("a", {"page", 1}, cache.generation());
  cache.clear();
  EXPECT_FALSE(cache.find("a"));
  EXPECT_EQ(announced, 1);
}

TEST(ResponseCache, ServesNothingWhileSuspended) {
  response_cache cache(std::chrono::seconds(60));
  cache.store("a", {"page", 1}, cache.generation());
  cache.suspend(true);
  EXPECT_FALSE(cache.find("a"));
  cache.store("b", {"page", 1}, cache.generation());
  cache.suspend(false);
  EXPECT_FALSE(cache.find("a"));  // nothing kept from before or during the gap
  EXPECT_FALSE(cache.find("b"));
  cache.store("c", {"page", 1}, cache.generation());
  EXPECT_TRUE(cache.find("c"));
}

TEST(ResponseCache, ExpiresAfterItsTtl) {
  response_cache cache(std::chrono::milliseconds(0));
  cache.store("a", {"body", 0}, cache.generation());
  EXPECT_FALSE(cache.find("a"));
}

TEST(ResponseCache, StaysBoundedAcrossShards) {
  response_cache cache(std::chrono::seconds(60), 64);
  for (int i = 0; i < 10'000; ++i)
    cache.store("key-" + std::to_string(i), {"x", 0}, cache.generation());
  int kept = 0;
  for (int i = 0; i < 10'000; ++i) kept += cache.find("key-" + std::to_string(i)) ? 1 : 0;
  EXPECT_GT(kept, 0);
  EXPECT_LE(kept, 64);
}

TEST(ResponseCache, ConcurrentReadersWritersAndClearsAgree) {
  response_cache cache(std::chrono::seconds(60));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = "k" + std::to_string(i % 50);
        if (t == 0 && i % 100 == 0) cache.clear();
        cache.store(key, {key, i}, cache.generation());
        if (auto page = cache.find(key)) {
          EXPECT_EQ(page->body, key);
        }
      }
    });
  for (auto& t : threads) t.join();
}

}  // namespace
}  // namespace kinora::catalog
