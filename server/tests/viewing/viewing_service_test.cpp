#include "viewing/viewing_service.hpp"

#include <gtest/gtest.h>

#include "../support/test_database.hpp"
#include "auth/account_store.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::viewing {
namespace {

class viewing_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    seed::seed_catalog(db(), clock_);
    auto c = db().acquire();
    viewer_.account_id = auth::account_store::insert_account(*c, "v@example.test", "x",
                                                             auth::tier::premium, false, 0);
    auth::profile p;
    p.account_id = viewer_.account_id;
    p.name = "Viewer";
    viewer_.profile_id = auth::account_store::insert_profile(*c, p);
    viewer_.tier = auth::tier::premium;
    viewer_.ceiling = auth::maturity::age18;
    service_ = std::make_unique<viewing_service>(db(), clock_);
    auto rows = c->query(
        "SELECT t.id, e.id, e.runtime_minutes FROM titles t JOIN seasons s ON s.title_id = t.id "
        "JOIN episodes e ON e.season_id = s.id WHERE t.slug = 'rainmouth' ORDER BY s.number, "
        "e.number");
    series_ = rows.front().i64(0);
    for (const auto& r : rows) episodes_.push_back({r.i64(1), static_cast<int>(r.i64(2)) * 60});
    movie_ = c->query("SELECT id FROM titles WHERE slug = 'lantern-runner'").front().i64(0);
  }

  manual_clock clock_{sys_seconds{std::chrono::seconds{1'795'504'200}}};
  auth::viewer viewer_;
  std::unique_ptr<viewing_service> service_;
  std::int64_t series_ = 0, movie_ = 0;
  std::vector<std::pair<std::int64_t, int>> episodes_;  // id, duration
};

TEST_P(viewing_suite, finished_episodes_lead_to_the_next_and_the_last_one_ends_it) {
  ASSERT_GE(episodes_.size(), 3u);
  ASSERT_TRUE(
      service_->save_position(viewer_, series_, episodes_[0].first, episodes_[0].second).ok());
  auto items = service_->continue_watching(viewer_, 10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].up_next);
  EXPECT_EQ(items[0].episode->id, episodes_[1].first);
  EXPECT_EQ(items[0].position_seconds, 0);

  clock_.advance(std::chrono::minutes(1));
  ASSERT_TRUE(
      service_->save_position(viewer_, series_, episodes_.back().first, episodes_.back().second)
          .ok());
  EXPECT_TRUE(service_->continue_watching(viewer_, 10).empty());
}

TEST_P(viewing_suite, most_recent_first_dismiss_and_return) {
  ASSERT_TRUE(service_->save_position(viewer_, movie_, std::nullopt, 300).ok());
  clock_.advance(std::chrono::minutes(1));
  ASSERT_TRUE(service_->save_position(viewer_, series_, episodes_[0].first, 60).ok());
  auto items = service_->continue_watching(viewer_, 10);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title.id, series_);
  EXPECT_EQ(items[1].title.id, movie_);

  ASSERT_TRUE(service_->dismiss(viewer_, series_).ok());
  EXPECT_EQ(service_->continue_watching(viewer_, 10).size(), 1u);
  EXPECT_EQ(service_->history(viewer_, 10, 0).total, 2);
  clock_.advance(std::chrono::minutes(1));
  ASSERT_TRUE(service_->save_position(viewer_, series_, episodes_[0].first, 90).ok());
  EXPECT_EQ(service_->continue_watching(viewer_, 10).front().title.id, series_);
}

TEST_P(viewing_suite, positions_are_checked_against_the_running_time) {
  const auto over =
      service_->save_position(viewer_, series_, episodes_[0].first, episodes_[0].second + 1);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.err().fields.front().field, "position_seconds");
  EXPECT_EQ(service_->save_position(viewer_, movie_, episodes_[0].first, 1).err().code,
            errc::validation);
  EXPECT_EQ(service_->save_position(viewer_, 999999, std::nullopt, 1).err().code, errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(backends, viewing_suite, ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::viewing
