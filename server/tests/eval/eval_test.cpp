#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "eval/csv_reader.hpp"
#include "eval/holdout.hpp"
#include "eval/metrics.hpp"
#include "eval/movielens.hpp"
#include "eval/movielens_import.hpp"

namespace kinora::eval {
namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(csv_reader, reads_quotes_doubled_quotes_newlines_and_crlf) {
  const auto path = write_temp("kinora_eval_test.csv",
                               "id,text,n\r\n1,\"a, \"\"quoted\"\"\nline\",3\r\n\n2,plain,4");
  csv_reader csv(path);
  EXPECT_EQ(csv.column("n"), 2u);
  EXPECT_THROW(csv.column("missing"), data_error);
  std::vector<std::string> f;
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"1", "a, \"quoted\"\nline", "3"}));
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"2", "plain", "4"}));
  EXPECT_FALSE(csv.next(f));
  std::filesystem::remove(path);
}

TEST(csv_reader, bad_files_are_errors_that_name_the_place) {
  EXPECT_THROW(csv_reader("/nonexistent/ratings.csv"), data_error);
  const auto path = write_temp("kinora_eval_bad.csv", "a,b\n1,2,3\n");
  csv_reader csv(path);
  std::vector<std::string> f;
  try {
    csv.next(f);
    FAIL() << "expected a data_error";
  } catch (const data_error& e) {
    EXPECT_NE(std::string(e.what()).find("kinora_eval_bad.csv:2"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
  EXPECT_THROW(load_movielens("/nonexistent", std::nullopt), data_error);
}

TEST(movielens, titles_lose_their_year_and_get_their_article_back) {
  EXPECT_EQ(split_title("Toy Story (1995)"), (std::pair<std::string, int>{"Toy Story", 1995}));
  EXPECT_EQ(split_title("Matrix, The (1999)"), (std::pair<std::string, int>{"The Matrix", 1999}));
  EXPECT_EQ(split_title("City of Lost Children, The (Cité des enfants perdus, La) (1995)").first,
            "The City of Lost Children (Cité des enfants perdus, La)");
  EXPECT_EQ(split_title("Babylon 5"), (std::pair<std::string, int>{"Babylon 5", 0}));
  EXPECT_EQ(split_title("Fawlty Towers (1975-1979)").second, 1975);
}

TEST(holdout, keeps_the_latest_ratings_of_each_user_out) {
  std::vector<star_rating> r;
  for (int i = 0; i < 10; ++i) r.push_back({1, 100 + i, 4.0, 1000 - i});  // newest first
  r.push_back({2, 5, 3.0, 50});
  r.push_back({3, 5, 3.0, 50});
  r.push_back({3, 6, 3.0, 60});
  const auto users = split_by_time(r, 0.2);
  ASSERT_EQ(users.size(), 2u) << "one rating is not enough to split";
  EXPECT_EQ(users[0].training.size(), 8u);
  ASSERT_EQ(users[0].held_out.size(), 2u);
  EXPECT_EQ(users[0].held_out.back().movie_id, 100) << "the most recent rating is held out";
  EXPECT_EQ(users[0].cutoff, 1000 - 2);
  EXPECT_EQ(users[1].held_out.size(), 1u);
  EXPECT_EQ(users[1].held_out[0].movie_id, 6);
}

TEST(metrics, recall_ndcg_and_coverage) {
  const std::unordered_set<std::int64_t> relevant{1, 2};
  EXPECT_DOUBLE_EQ(recall_at({1, 9, 2}, relevant, 10), 1.0);
  EXPECT_DOUBLE_EQ(recall_at({9, 1}, relevant, 1), 0.0);
  EXPECT_DOUBLE_EQ(ndcg_at({1, 2, 9}, relevant, 10), 1.0);
  EXPECT_NEAR(ndcg_at({9, 1}, relevant, 10), (1 / std::log2(3)) / (1 + 1 / std::log2(3)), 1e-12);
  metric_totals m(2);
  m.add({1, 2, 3}, relevant);
  m.add({9, 8}, relevant);
  EXPECT_DOUBLE_EQ(m.recall(), 0.5);
  EXPECT_DOUBLE_EQ(m.coverage(8), 0.5) << "1, 2, 9, 8: the third pick is past k";
}

TEST(movielens_import, stars_map_onto_thumbs) {
  EXPECT_EQ(thumbs_for(5.0), viewing::rating::love);
  EXPECT_EQ(thumbs_for(4.5), viewing::rating::love);
  EXPECT_EQ(thumbs_for(4.0), viewing::rating::up);
  EXPECT_EQ(thumbs_for(3.5), viewing::rating::up);
  EXPECT_EQ(thumbs_for(3.0), std::nullopt);
  EXPECT_EQ(thumbs_for(2.5), std::nullopt);
  EXPECT_EQ(thumbs_for(2.0), viewing::rating::down);
  EXPECT_EQ(thumbs_for(0.5), viewing::rating::down);
}

}  // namespace
}  // namespace kinora::eval
