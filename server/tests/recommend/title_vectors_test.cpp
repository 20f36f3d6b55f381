#include "recommend/title_vectors.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <future>
#include <thread>

#include "../support/test_database.hpp"
#include "catalog/catalog_store.hpp"
#include "recommend/title_text.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::recommend {
namespace {

using namespace std::chrono_literals;

// A stand-in for the model whose only point is timing: the regeneration's first batch
// waits until the test opens the gate, so "the edit answers while the job runs" is an
// ordering, not a race against a clock. Vectors are a deterministic function of the text.
class gated_encoder : public ai::encoder {
 public:
  const std::string& model_id() const noexcept override { return id_; }
  std::size_t dimension() const noexcept override { return 8; }
  ai::matrix encode(std::span<const std::string> texts) const override {
    if (texts.size() > 1) {
      std::unique_lock lock(mutex_);
      if (!gated_once_) {
        gated_once_ = true;
        batch_waiting_ = true;
        cv_.notify_all();
        cv_.wait(lock, [&] { return open_; });
      }
    }
    ai::matrix m(texts.size(), dimension());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const auto v = of(texts[i]);
      std::copy(v.begin(), v.end(), m.row(i).begin());
    }
    return m;
  }

  static std::vector<float> of(const std::string& text) {
    std::vector<float> v(8);
    auto h = std::hash<std::string>{}(text);
    float norm = 0;
    for (auto& x : v) {
      x = static_cast<float>(h % 1000) + 1.0f;
      h /= 7;
      norm += x * x;
    }
    for (auto& x : v) x /= std::sqrt(norm);
    return v;
  }

  bool wait_for_batch() {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, 60s, [&] { return batch_waiting_; });
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  std::string id_ = "gated-test-encoder";
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  mutable bool gated_once_ = false, batch_waiting_ = false;
  bool open_ = false;
};

class title_vectors_suite : public kinora::testing::per_backend {
 protected:
  manual_clock clock_{sys_seconds(std::chrono::seconds(1'700'000'000))};
  logger log_{log_level::error};
};

TEST_P(title_vectors_suite, an_edit_is_embedded_while_a_regeneration_runs_and_survives_it) {
  seed::seed_catalog(db(), clock_);
  auto owned = std::make_unique<gated_encoder>();
  auto* encoder = owned.get();
  title_vectors vectors(db(), std::move(owned), clock_, log_);
  // Whatever fails below, the gate opens before vectors joins its job thread.
  const std::unique_ptr<gated_encoder, void (*)(gated_encoder*)> opens(
      encoder, [](gated_encoder* e) { e->open(); });
  const auto id = db().acquire()->query("SELECT id FROM titles ORDER BY id LIMIT 1").front().i64(0);

  ASSERT_TRUE(vectors.start_job(true, "regen-1"));
  ASSERT_TRUE(encoder->wait_for_batch());  // the job is inside its first batch, gated

  db().acquire()->query("UPDATE titles SET title = 'Edited While Regenerating' WHERE id = $1",
                        {id});
  // refresh() must not wait for the job; if it did, this future would only be ready once
  // the gate opens, which happens after the assertions below.
  auto edit = std::async(std::launch::async, [&] { vectors.refresh(id); });
  const bool answered = edit.wait_for(60s) == std::future_status::ready;
  const auto during = vectors.job("regen-1");
  encoder->open();
  edit.get();
  ASSERT_TRUE(answered) << "the edit waited behind the regeneration";
  ASSERT_TRUE(during);
  EXPECT_EQ(during->status, kinora::job_status::running);
  EXPECT_GT(during->total, 0u);
  EXPECT_LT(during->done, during->total);

  for (int i = 0; i < 6000 && vectors.job("regen-1")->status == kinora::job_status::running; ++i)
    std::this_thread::sleep_for(10ms);
  const auto after = vectors.job("regen-1");
  ASSERT_EQ(after->status, kinora::job_status::succeeded);
  EXPECT_EQ(after->done, after->total);

  // The regeneration read the old name before the edit; its vector must not win.
  const auto edited =
      catalog::catalog_store::find(*db().acquire(), catalog::catalog_store::everything, id);
  ASSERT_TRUE(edited);
  ASSERT_EQ(edited->name, "Edited While Regenerating");
  const auto held = vectors.vector_of(id);
  ASSERT_TRUE(held);
  EXPECT_EQ(*held, gated_encoder::of(embedding_text(*edited)));
}

INSTANTIATE_TEST_SUITE_P(backends, title_vectors_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::recommend
