#include "recommend/co_watch_index.hpp"

#include <gtest/gtest.h>

#include "../support/test_database.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::recommend {
namespace {

using namespace std::chrono_literals;

class co_watch_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    seed::seed_catalog(db(), clock_);
    auto c = db().acquire();
    for (const auto& r : c->query("SELECT id FROM titles ORDER BY id LIMIT 4"))
      titles_.push_back(r.i64(0));
    const auto account = c->query(
                              "INSERT INTO accounts (email, password_hash, tier, created_at) "
                              "VALUES ('co@watch.test', 'x', 'premium', 0) RETURNING id")
                             .front()
                             .i64(0);
    for (int i = 0; i < 3; ++i)
      profiles_.push_back(c->query("INSERT INTO profiles (account_id, name, maturity_ceiling, "
                                   "created_at) VALUES ($1, $2, 'adult', 0) RETURNING id",
                                   {account, "p" + std::to_string(i)})
                              .front()
                              .i64(0));
  }

  void play(int profile, int title) {
    db().acquire()->query(
        "INSERT INTO bookmarks (profile_id, title_id, position_seconds, duration_seconds, "
        "first_watched_at, updated_at) VALUES ($1, $2, 60, 600, $3, $3)",
        {profiles_.at(static_cast<std::size_t>(profile)),
         titles_.at(static_cast<std::size_t>(title)), clock_.now_unix()});
  }

  std::vector<std::int64_t> neighbours_of(const co_watch_index& index, std::size_t title) {
    std::vector<std::int64_t> out;
    const auto lists = index.lists();
    if (auto it = lists->find(titles_.at(title)); it != lists->end())
      for (const auto& n : it->second) out.push_back(n.title_id);
    return out;
  }

  manual_clock clock_{sys_seconds(std::chrono::seconds(1'700'000'000))};
  logger log_{log_level::error};
  std::vector<std::int64_t> titles_, profiles_;
};

TEST_P(co_watch_suite, one_instance_builds_and_the_others_load_its_build) {
  // Titles 0 and 1 were played by two profiles; 2 with 0 by one only.
  for (auto [profile, title] : {std::pair{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 2}})
    play(profile, title);
  co_watch_index first(db(), clock_, {}, /*page_rows=*/3);  // loads page by page
  co_watch_index second(db(), clock_);
  EXPECT_TRUE(first.lists()->empty());

  EXPECT_TRUE(first.refresh(1h, log_));
  EXPECT_EQ(neighbours_of(first, 0), std::vector<std::int64_t>{titles_[1]});
  EXPECT_EQ(neighbours_of(first, 1), std::vector<std::int64_t>{titles_[0]});
  // Within the hour the job is claimed: the second instance loads, it does not build.
  EXPECT_FALSE(second.refresh(1h, log_));
  EXPECT_EQ(neighbours_of(second, 0), std::vector<std::int64_t>{titles_[1]});
  EXPECT_DOUBLE_EQ(second.lists()->at(titles_[0])[0].score, first.lists()->at(titles_[0])[0].score);

  // An hour on, history has grown: whoever steps first builds, the other follows.
  for (auto [profile, title] : {std::pair{1, 2}, {0, 3}, {1, 3}}) play(profile, title);
  clock_.advance(61min);
  EXPECT_TRUE(second.refresh(1h, log_));
  EXPECT_FALSE(first.refresh(1h, log_));
  for (const auto* index : {&first, &second}) {
    EXPECT_EQ(neighbours_of(*index, 2), std::vector<std::int64_t>{titles_[0]});
    EXPECT_EQ(neighbours_of(*index, 3).size(), 2u);  // 0 and 1, both with profiles 0 and 1
  }
  // What was loaded, three rows at a time, is what was built.
  const auto built = second.lists(), loaded = first.lists();
  ASSERT_EQ(loaded->size(), built->size());
  for (const auto& [title, list] : *built) {
    ASSERT_EQ(loaded->at(title).size(), list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(loaded->at(title)[i].title_id, list[i].title_id);
      EXPECT_DOUBLE_EQ(loaded->at(title)[i].score, list[i].score);
    }
  }
  // Stored: 0 -> {1, 2, 3}, 1 -> {0, 3}, 2 -> {0}, 3 -> {0, 1}.
  EXPECT_EQ(db().acquire()->query("SELECT COUNT(*) FROM title_neighbours").front().i64(0), 8);
}

INSTANTIATE_TEST_SUITE_P(backends, co_watch_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::recommend
