#include "recommend/saved_index.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>

#include "../support/test_database.hpp"
#include "catalog/catalog_store.hpp"
#include "core/files.hpp"
#include "recommend/title_vectors.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::recommend {
namespace {

// Deterministic vectors from the text's bytes; counts the texts it embeds.
class counting_encoder final : public ai::encoder {
 public:
  counting_encoder(std::string id, std::atomic<std::size_t>& embedded)
      : id_(std::move(id)), embedded_(embedded) {}
  const std::string& model_id() const noexcept override { return id_; }
  std::size_t dimension() const noexcept override { return 8; }
  ai::matrix encode(std::span<const std::string> texts) const override {
    ai::matrix out(texts.size(), dimension());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      auto row = out.row(i);
      for (std::size_t j = 0; j < texts[i].size(); ++j)
        row[j % row.size()] += static_cast<float>(static_cast<unsigned char>(texts[i][j]) % 13);
      row[0] += 1;  // never the zero vector
    }
    embedded_ += texts.size();
    return out;
  }

 private:
  std::string id_;
  std::atomic<std::size_t>& embedded_;
};

class saved_index_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    seed::seed_catalog(db(), clock_);
    titles_ = db().acquire()->query("SELECT COUNT(*) FROM titles").front().i64(0);
    dir_ =
        std::filesystem::temp_directory_path() /
        ("kinora_saved_index_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(dir_);
    file_ = dir_ / "titles.vectors";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A fresh process's view: a new index over the same database and file.
  std::unique_ptr<title_vectors> start(const std::string& model = "fake-model") {
    return std::make_unique<title_vectors>(
        db(), std::make_unique<counting_encoder>(model, embedded_), clock_, log_, file_);
  }
  std::size_t embedded_since(std::size_t& mark) {
    const std::size_t n = embedded_ - mark;
    mark = embedded_;
    return n;
  }

  manual_clock clock_{sys_seconds{std::chrono::seconds{1'795'504'200}}};
  logger log_{log_level::error};
  std::atomic<std::size_t> embedded_{0};
  std::int64_t titles_ = 0;
  std::filesystem::path dir_, file_;
};

TEST_P(saved_index_suite, a_current_file_replaces_the_stored_vectors_at_start_up) {
  std::size_t mark = 0;
  {
    auto first = start();
    EXPECT_EQ(first->sync(), static_cast<std::size_t>(titles_));
    EXPECT_TRUE(std::filesystem::exists(file_));
    EXPECT_TRUE(std::filesystem::exists(file_.string() + ".fingerprint"));
  }
  embedded_since(mark);
  // Without the stored vectors, only the file can make a restart embed nothing.
  db().acquire()->query("DELETE FROM title_embeddings");
  auto second = start();
  EXPECT_EQ(second->sync(), 0u);
  EXPECT_EQ(embedded_since(mark), 0u);
  EXPECT_EQ(second->size(), static_cast<std::size_t>(titles_));
  // Same neighbours as an index built from scratch.
  const auto hits = second->similar(1, 5, {});
  ASSERT_EQ(hits.size(), 5u);
  EXPECT_GE(hits.front().score, hits.back().score);
}

TEST_P(saved_index_suite, a_changed_title_or_model_makes_the_file_stale) {
  std::size_t mark = 0;
  start()->sync();
  embedded_since(mark);
  {
    auto c = db().acquire();
    auto t = *catalog::catalog_store::find(*c, catalog::catalog_store::everything, 3);
    t.synopsis += " A twist nobody saw coming.";
    catalog::catalog_store::update_title(*c, t);
  }
  // Stale: rebuilt from the store, only the changed title embedded, the file saved again.
  EXPECT_EQ(start()->sync(), 1u);
  embedded_since(mark);
  db().acquire()->query("DELETE FROM title_embeddings");
  EXPECT_EQ(start()->sync(), 0u) << "the re-saved file is current";
  embedded_since(mark);
  // Another model never takes this file's vectors.
  EXPECT_EQ(start("other-model")->sync(), static_cast<std::size_t>(titles_));
}

TEST_P(saved_index_suite, a_corrupt_file_is_ignored_and_rewritten) {
  start()->sync();
  auto bytes = files::read(file_);
  ASSERT_GT(bytes.size(), 100u);
  bytes[bytes.size() - 7] ^= 0x5a;  // the checksum no longer matches
  files::write_atomically(file_, bytes);
  auto restarted = start();
  EXPECT_EQ(restarted->sync(), 0u) << "the stored vectors are still current";
  EXPECT_EQ(restarted->size(), static_cast<std::size_t>(titles_));
  EXPECT_NO_THROW(ai::exact_index::load(file_)) << "saved again, intact";

  files::write_atomically(file_, "not an index");
  EXPECT_EQ(start()->sync(), 0u);
  std::filesystem::remove(file_.string() + ".fingerprint");
  EXPECT_EQ(start()->sync(), 0u) << "no fingerprint: rebuilt, never trusted";
}

TEST(saved_index, fingerprint_covers_model_ids_and_hashes_in_any_order) {
  const auto a = saved_index::fingerprint("m", {{1, "aa"}, {2, "bb"}});
  EXPECT_EQ(a, saved_index::fingerprint("m", {{2, "bb"}, {1, "aa"}}));
  EXPECT_NE(a, saved_index::fingerprint("n", {{1, "aa"}, {2, "bb"}}));
  EXPECT_NE(a, saved_index::fingerprint("m", {{1, "aa"}, {2, "bc"}}));
  EXPECT_NE(a, saved_index::fingerprint("m", {{1, "aa"}}));
}

INSTANTIATE_TEST_SUITE_P(backends, saved_index_suite,
                         ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::recommend
