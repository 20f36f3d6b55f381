#include "recommend/taste.hpp"

#include <gtest/gtest.h>

namespace kinora::recommend {
namespace {

TEST(diversify, trades_relevance_for_variety_by_lambda) {
  const std::vector<float> heist{1, 0, 0}, heist_again{0.99f, 0.14f, 0}, family{0, 0, 1};
  std::vector<candidate> c{{1, 0.9, &heist}, {2, 0.85, &heist_again}, {3, 0.6, &family}};
  // Pure relevance keeps the order; with weight on variety the near-copy of the first
  // pick waits until something different has been shown.
  EXPECT_EQ(diversify(c, 3, 1.0), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(diversify(c, 3, 0.5), (std::vector<std::int64_t>{1, 3, 2}));
  EXPECT_EQ(diversify(c, 2, 0.5), (std::vector<std::int64_t>{1, 3}));
}

TEST(diversify, redundancy_is_the_closest_pick_not_the_latest) {
  const std::vector<float> a{1, 0, 0}, b{0, 1, 0}, near_a{0.95f, 0.31f, 0}, c{0, 0, 1};
  // After a and b, near_a is still close to a: c goes first.
  std::vector<candidate> list{{1, 1.0, &a}, {2, 0.95, &b}, {3, 0.9, &near_a}, {4, 0.5, &c}};
  EXPECT_EQ(diversify(list, 4, 0.6), (std::vector<std::int64_t>{1, 2, 4, 3}));
}

TEST(diversify, is_stable_and_takes_titles_without_a_vector) {
  const std::vector<float> v{1, 0};
  std::vector<candidate> list{{7, 0.5, nullptr}, {3, 0.5, nullptr}, {5, 0.5, &v}};
  EXPECT_EQ(diversify(list, 5, 0.75), (std::vector<std::int64_t>{3, 5, 7}));
  EXPECT_TRUE(diversify({}, 5, 0.75).empty());
}

}  // namespace
}  // namespace kinora::recommend
