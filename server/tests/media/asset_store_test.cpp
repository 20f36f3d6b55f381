#include "media/asset_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "../support/test_database.hpp"
#include "catalog/catalog_store.hpp"

namespace kinora::media {
namespace {

class asset_store_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    catalog::title t;
    t.slug = "a-movie";
    t.kind = catalog::title_kind::movie;
    t.name = "A Movie";
    t.synopsis = "Something happens.";
    t.year = 2020;
    t.runtime_minutes = 90;
    title_id_ = catalog::catalog_store::insert_title(*db().acquire(), t);
  }

  media_job new_job(const std::string& id, std::int64_t created_at) {
    media_job j;
    j.id = id;
    j.source = "/nowhere/" + id + ".upload";
    j.title_id = title_id_;
    j.created_at = created_at;
    return j;
  }

  std::int64_t title_id_ = 0;
};

TEST_P(asset_store_suite, a_job_reads_back_as_it_moves_from_queued_to_succeeded_or_failed) {
  auto c = db().acquire();
  asset_store::create_job(*c, new_job("j1", 100));
  asset_store::create_job(*c, new_job("j2", 101));
  EXPECT_EQ(asset_store::job(*c, "j1")->status, job_status::queued);

  const auto first = asset_store::claim_next_job(*c, 110);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, "j1");  // oldest first
  EXPECT_EQ(first->status, job_status::running);
  asset_store::report_progress(*c, "j1", 40, 111);
  EXPECT_EQ(asset_store::job(*c, "j1")->progress, 40);

  asset_store::save(*c, {"asset-1", "Asset", 60, std::string(16, 'k'), 100});
  asset_store::finish_job(*c, "j1", std::string("asset-1"), std::nullopt, 120);
  const auto done = asset_store::job(*c, "j1");
  EXPECT_EQ(done->status, job_status::succeeded);
  EXPECT_EQ(done->progress, 100);
  EXPECT_EQ(done->asset_id, "asset-1");

  ASSERT_EQ(asset_store::claim_next_job(*c, 130)->id, "j2");
  asset_store::finish_job(*c, "j2", std::nullopt, std::string("no video stream"), 140);
  const auto failed = asset_store::job(*c, "j2");
  EXPECT_EQ(failed->status, job_status::failed);
  EXPECT_EQ(failed->error, "no video stream");
  EXPECT_FALSE(asset_store::claim_next_job(*c, 150));
}

TEST_P(asset_store_suite, concurrent_claimers_never_get_the_same_job) {
  constexpr int jobs = 24;
  {
    auto c = db().acquire();
    for (int i = 0; i < jobs; ++i)
      asset_store::create_job(*c, new_job("job-" + std::to_string(i), i));
  }
  std::mutex m;
  std::map<std::string, int> claimed;
  auto claimer = [&] {
    auto c = db().acquire();  // each claimer on its own connection, as instances are
    while (const auto j = asset_store::claim_next_job(*c, 1000)) {
      std::lock_guard lock(m);
      ++claimed[j->id];
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) threads.emplace_back(claimer);
  for (auto& t : threads) t.join();
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(jobs));
  for (const auto& [id, times] : claimed) EXPECT_EQ(times, 1) << id;
}

TEST_P(asset_store_suite, writes_on_one_connection_share_its_transaction) {
  asset_store::save(*db().acquire(), {"asset-1", "Asset", 60, std::string(16, 'k'), 100});
  struct undo {};
  EXPECT_THROW(db().transact([&](storage::connection& c) {
    asset_store::link(c, title_id_, 0, "asset-1");
    asset_store::create_job(c, new_job("j1", 100));
    EXPECT_TRUE(asset_store::for_title(c, title_id_, 0));
    throw undo{};
  }),
               undo);
  auto c = db().acquire();
  EXPECT_FALSE(asset_store::for_title(*c, title_id_, 0));
  EXPECT_FALSE(asset_store::job(*c, "j1"));

  const int linked = db().transact(
      [&](storage::connection& tx) { return asset_store::link_unlinked(tx, {"asset-1"}); });
  EXPECT_EQ(linked, 1);
  EXPECT_EQ(asset_store::for_title(*c, title_id_, 0)->id, "asset-1");
  EXPECT_EQ(asset_store::find(*c, "asset-1")->key, std::string(16, 'k'));
}

INSTANTIATE_TEST_SUITE_P(backends, asset_store_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::media
