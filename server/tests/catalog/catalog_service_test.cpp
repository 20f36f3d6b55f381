#include "catalog/catalog_service.hpp"

#include <gtest/gtest.h>

#include "../support/test_database.hpp"
#include "auth/entitlement.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::catalog {
namespace {

class catalog_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    report_ = seed::seed_catalog(db(), clock_);
    service_ = std::make_unique<catalog_service>(db(), clock_);
  }
  static auth::viewer viewer_of(auth::tier t, auth::maturity m) {
    auth::viewer v;
    v.tier = t;
    v.ceiling = m;
    return v;
  }
  manual_clock clock_{sys_seconds{std::chrono::seconds{1'795'504'200}}};
  seed::seed_report report_;
  std::unique_ptr<catalog_service> service_;
};

TEST_P(catalog_suite, demo_seed_has_the_promised_shape) {
  EXPECT_EQ(report_.titles, 70);
  EXPECT_EQ(report_.channels, 25);
  EXPECT_GT(report_.episodes, 100);
  EXPECT_GT(report_.programmes, 4500);
  EXPECT_LT(report_.programmes, 5200);
  // Seeding twice changes nothing.
  EXPECT_EQ(seed::seed_catalog(db(), clock_).titles, 0);
  auto c = db().acquire();
  // Schedules have no gaps or overlaps and cover 7 days from today 00:00 UTC.
  const auto rows =
      c->query("SELECT channel_id, start_at, end_at FROM programmes ORDER BY channel_id, start_at");
  std::int64_t channel = -1, last_end = 0;
  for (const auto& r : rows) {
    if (r.i64(0) != channel) {
      if (channel != -1) {
        EXPECT_EQ(last_end, 1795478400 + 7 * 86400);
      }
      channel = r.i64(0);
      EXPECT_EQ(r.i64(1), 1795478400);  // 2026-11-24T00:00:00Z
    } else {
      EXPECT_EQ(r.i64(1), last_end);
    }
    last_end = r.i64(2);
  }
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM channels WHERE tier = 'basic'").front().i64(0), 15);
}

TEST_P(catalog_suite, tiers_and_ceilings_bound_every_read) {
  title_query all;
  all.limit = 100;
  EXPECT_EQ(service_->list(viewer_of(auth::tier::basic, auth::maturity::age18), all).total, 42);
  EXPECT_EQ(service_->list(viewer_of(auth::tier::standard, auth::maturity::age18), all).total, 60);
  EXPECT_EQ(service_->list(viewer_of(auth::tier::premium, auth::maturity::age18), all).total, 70);
  const auto kids = viewer_of(auth::tier::premium, auth::maturity::age7);
  for (const auto& t : service_->list(kids, all).items)
    EXPECT_LE(auth::rank(t.maturity), 1) << t.slug;
  const auto hidden = service_->search(viewer_of(auth::tier::basic, auth::maturity::age18),
                                       "Drowned Star Job", 10, 0);
  ASSERT_TRUE(hidden.ok());
  EXPECT_EQ(hidden->total, 0);  // a premium title
  const auto shown = service_->search(viewer_of(auth::tier::premium, auth::maturity::age18),
                                      "drowned star", 10, 0);
  ASSERT_TRUE(shown.ok());
  ASSERT_GE(shown->items.size(), 1u);
  EXPECT_EQ(shown->items.front().name, "The Drowned Star Job");
}

TEST_P(catalog_suite, search_folds_case_accents_and_punctuation) {
  const auto v = viewer_of(auth::tier::premium, auth::maturity::age18);
  for (const char* q : {"lantern runner", "LANTERN-RUNNER", "lantern-run", "Lántern Rünner"}) {
    const auto r = service_->search(v, q, 5, 0);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->items.empty()) << q;
    EXPECT_EQ(r->items.front().slug, "lantern-runner") << q;
  }
  EXPECT_EQ(service_->search(v, "?!", 5, 0)->total, 0);
}

INSTANTIATE_TEST_SUITE_P(backends, catalog_suite, ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::catalog
