#include "recommend/co_watch.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kinora::recommend {
namespace {

std::vector<std::int64_t> ids(const std::vector<neighbour>& list) {
  std::vector<std::int64_t> out;
  for (const auto& n : list) out.push_back(n.title_id);
  return out;
}

TEST(co_watch, scores_pairs_by_profiles_in_common_damped_by_audience) {
  // Title 1 is played by profiles 1-4; 2 by 1-3; 3 by 1, 4 and 5; 4 by 5 alone.
  std::vector<play> plays;
  for (std::int64_t p : {1, 2, 3, 4}) plays.push_back({p, 1, 100});
  for (std::int64_t p : {1, 2, 3}) plays.push_back({p, 2, 100});
  for (std::int64_t p : {1, 4, 5}) plays.push_back({p, 3, 100});
  plays.push_back({5, 4, 100});
  co_watch_options o;
  o.alpha = 0.5;
  const auto lists = co_watch_neighbours(plays, o);

  // 1-2: three profiles of 4 and 3; 1-3: two of 4 and 3. 2-3 share one profile only.
  ASSERT_EQ(ids(lists.at(1)), (std::vector<std::int64_t>{2, 3}));
  EXPECT_NEAR(lists.at(1)[0].score, 3 / std::sqrt(4.0 * 3), 1e-12);
  EXPECT_NEAR(lists.at(1)[1].score, 2 / std::sqrt(4.0 * 3), 1e-12);
  EXPECT_EQ(ids(lists.at(2)), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(ids(lists.at(3)), (std::vector<std::int64_t>{1}));
  // Title 4 meets 3 through one profile: chance, not a neighbour.
  EXPECT_FALSE(lists.count(4));
}

TEST(co_watch, alpha_moves_the_damping_between_the_two_titles) {
  // 1 and 2 are played together by 2 profiles; 2 alone by 6 more.
  std::vector<play> plays;
  for (std::int64_t p = 1; p <= 8; ++p) plays.push_back({p, 2, 0});
  for (std::int64_t p : {1, 2}) plays.push_back({p, 1, 0});
  co_watch_options o;
  o.alpha = 1.0;  // of those who played a, the share who played b
  auto lists = co_watch_neighbours(plays, o);
  EXPECT_DOUBLE_EQ(lists.at(1)[0].score, 1.0);   // 2 of 2
  EXPECT_DOUBLE_EQ(lists.at(2)[0].score, 0.25);  // 2 of 8
  o.alpha = 0.0;
  lists = co_watch_neighbours(plays, o);
  EXPECT_DOUBLE_EQ(lists.at(1)[0].score, 0.25);
  EXPECT_DOUBLE_EQ(lists.at(2)[0].score, 1.0);
}

TEST(co_watch, keeps_the_best_per_title_with_ties_by_id_and_counts_replays_once) {
  std::vector<play> plays;
  // Titles 10-15 each share two profiles with title 1; 12 and 14 share a third.
  for (std::int64_t p : {1, 2, 3}) plays.push_back({p, 1, 0});
  for (std::int64_t t = 10; t <= 15; ++t)
    for (std::int64_t p : {1, 2}) plays.push_back({p, t, 0});
  plays.push_back({3, 14, 0});
  plays.push_back({3, 12, 0});
  plays.push_back({3, 12, 50});  // played again: still one profile
  co_watch_options o;
  o.per_title = 4;
  const auto lists = co_watch_neighbours(plays, o);
  EXPECT_EQ(ids(lists.at(1)), (std::vector<std::int64_t>{12, 14, 10, 11}));
  EXPECT_EQ(lists.at(12)[0].title_id, 1);
}

TEST(co_watch, reads_only_each_profiles_latest_titles) {
  // Profile 1 played 1 and 2 long ago, then 3 and 4; profile 2 played them all.
  std::vector<play> plays{{1, 1, 10}, {1, 2, 20}, {1, 3, 30}, {1, 4, 40},
                          {2, 1, 10}, {2, 2, 20}, {2, 3, 30}, {2, 4, 40}};
  co_watch_options o;
  o.per_profile = 2;
  const auto lists = co_watch_neighbours(plays, o);
  EXPECT_EQ(ids(lists.at(3)), (std::vector<std::int64_t>{4}));
  EXPECT_FALSE(lists.count(1));
  EXPECT_TRUE(co_watch_neighbours({}).empty());
}

}  // namespace
}  // namespace kinora::recommend
