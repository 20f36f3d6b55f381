#include "catalog/catalog_reads.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../support/test_database.hpp"
#include "catalog/catalog_writes.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::catalog {
namespace {

constexpr auth::visibility_filter basic_adult{1, 4};

class catalog_reads_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    report_ = seed::seed_catalog(db(), clock_);
  }
  std::int64_t id_of(storage::connection& c, const std::string& slug) {
    return c.query("SELECT id FROM titles WHERE slug = $1", {slug}).front().i64(0);
  }
  manual_clock clock_{sys_seconds{std::chrono::seconds{1'795'504'200}}};
  seed::seed_report report_;
};

TEST_P(catalog_reads_suite, counts_and_ids_follow_the_visibility_rule) {
  auto c = db().acquire();
  EXPECT_EQ(reads::title_count(*c), report_.titles);
  const auto all = reads::all_ids(*c);
  EXPECT_EQ(static_cast<int>(all.size()), report_.titles);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(reads::visible_ids(*c, everything).size(), all.size());
  const auto basic = reads::visible_ids(*c, basic_adult);
  EXPECT_EQ(basic.size(), 42u);  // as the catalog's own listing counts them
  for (const auto& t : reads::find_many(*c, everything, basic))
    EXPECT_EQ(t.tier, auth::tier::basic);

  const auto premium = id_of(*c, "the-drowned-star-job");
  const auto family = id_of(*c, "the-great-pancake-getaway");
  const auto dog = id_of(*c, "pip-and-the-lighthouse-dog");
  EXPECT_FALSE(reads::find(*c, basic_adult, premium));
  EXPECT_TRUE(reads::find(*c, everything, premium));
  // In the order asked, without what the filter hides or what does not exist.
  const auto ordered = reads::in_order(*c, basic_adult, {dog, premium, 999'999, family});
  ASSERT_EQ(ordered.size(), 2u);
  EXPECT_EQ(ordered[0].id, dog);
  EXPECT_EQ(ordered[1].id, family);
}

TEST_P(catalog_reads_suite, rails_come_best_first_within_the_filter) {
  auto c = db().acquire();
  const auto popular_ids = reads::popular(*c, basic_adult, 10);
  ASSERT_EQ(popular_ids.size(), 10u);
  const auto popular_titles = reads::in_order(*c, everything, popular_ids);
  for (std::size_t i = 1; i < popular_titles.size(); ++i)
    EXPECT_GE(popular_titles[i - 1].popularity, popular_titles[i].popularity);
  for (const auto& t : popular_titles) EXPECT_EQ(t.tier, auth::tier::basic);

  const auto newest = reads::in_order(*c, everything, reads::newest(*c, everything, 10));
  ASSERT_EQ(newest.size(), 10u);
  for (std::size_t i = 1; i < newest.size(); ++i) EXPECT_GE(newest[i - 1].year, newest[i].year);

  const auto drama = reads::in_order(*c, everything, reads::in_genre(*c, everything, "drama", 5));
  ASSERT_EQ(drama.size(), 5u);
  for (const auto& t : drama)
    EXPECT_NE(std::find(t.genres.begin(), t.genres.end(), "drama"), t.genres.end()) << t.slug;
  EXPECT_TRUE(reads::in_genre(*c, everything, "no-such-genre", 5).empty());

  const auto featured = reads::featured(*c, everything, 50);
  ASSERT_FALSE(featured.empty());
  for (const auto& t : featured) EXPECT_TRUE(t.featured);
}

TEST_P(catalog_reads_suite, genres_by_title_and_titles_sharing_them) {
  auto c = db().acquire();
  const auto job = id_of(*c, "the-drowned-star-job");  // sci-fi, thriller, action
  std::set<std::string> slugs;
  for (const auto& [id, slug] : reads::genre_slugs(*c, {job})) {
    EXPECT_EQ(id, job);
    slugs.insert(slug);
  }
  EXPECT_EQ(slugs, (std::set<std::string>{"action", "sci-fi", "thriller"}));
  EXPECT_TRUE(reads::genre_slugs(*c, {}).empty());
  EXPECT_EQ(reads::genre_name(*c, "sci-fi"), "Science Fiction");
  EXPECT_FALSE(reads::genre_name(*c, "no-such-genre"));

  const auto like = reads::sharing_genres(*c, everything, job, 5);
  ASSERT_EQ(like.size(), 5u);
  EXPECT_EQ(std::count(like.begin(), like.end(), job), 0);
  const auto first = reads::find(*c, everything, like.front());
  ASSERT_TRUE(first);
  EXPECT_TRUE(std::any_of(first->genres.begin(), first->genres.end(),
                          [&](const auto& g) { return slugs.count(g) > 0; }));
}

TEST_P(catalog_reads_suite, episodes_walk_a_series_in_order) {
  auto c = db().acquire();
  const auto series = id_of(*c, "rainmouth");
  const auto t = reads::find(*c, everything, series);
  ASSERT_TRUE(t);
  std::vector<std::int64_t> expected;
  for (const auto& s : t->seasons)
    for (const auto& e : s.episodes) expected.push_back(e.id);
  ASSERT_GE(expected.size(), 2u);

  std::vector<std::int64_t> walked;
  for (auto e = reads::next_episode(*c, series, 0, 0); e;
       e = reads::next_episode(*c, series, e->season_number, e->number)) {
    EXPECT_EQ(e->title_id, series);
    const auto again = reads::find_episode(*c, e->id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->number, e->number);
    EXPECT_EQ(again->season_number, e->season_number);
    walked.push_back(e->id);
  }
  EXPECT_EQ(walked, expected);
  EXPECT_FALSE(reads::find_episode(*c, 999'999));
  EXPECT_FALSE(reads::next_episode(*c, id_of(*c, "the-drowned-star-job"), 0, 0));  // a movie
}

TEST_P(catalog_reads_suite, ensure_genre_adds_a_genre_once) {
  auto c = db().acquire();
  const auto before = c->query("SELECT COUNT(*) FROM genres").front().i64(0);
  writes::ensure_genre(*c, "western", "Western");
  writes::ensure_genre(*c, "western", "Western again");
  writes::ensure_genre(*c, "drama", "Not Drama");
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM genres").front().i64(0), before + 1);
  EXPECT_EQ(reads::genre_name(*c, "western"), "Western");
  EXPECT_EQ(reads::genre_name(*c, "drama"), "Drama");
}

INSTANTIATE_TEST_SUITE_P(backends, catalog_reads_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::catalog
