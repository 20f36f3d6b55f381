#include <gtest/gtest.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "ai/exact_index.hpp"
#include "ai/hnsw_index.hpp"
#include "ai/model_error.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

std::vector<float> random_unit(std::mt19937_64& rng, std::size_t dim) {
  std::normal_distribution<float> n(0.0f, 1.0f);
  std::vector<float> v(dim);
  double norm = 0;
  for (auto& x : v) {
    x = n(rng);
    norm += static_cast<double>(x) * x;
  }
  for (auto& x : v) x = static_cast<float>(x / std::sqrt(norm));
  return v;
}

std::vector<std::vector<float>> random_set(std::size_t n, std::size_t dim, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<float>> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(random_unit(rng, dim));
  return out;
}

std::vector<vector_id> ids_of(const std::vector<search_hit>& hits) {
  std::vector<vector_id> ids;
  for (const auto& h : hits) ids.push_back(h.id);
  return ids;
}

std::vector<std::byte> file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<char> c((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> out(c.size());
  std::memcpy(out.data(), c.data(), c.size());
  return out;
}

template <typename T>
std::unique_ptr<vector_index> make_index(std::size_t dim);
template <>
std::unique_ptr<vector_index> make_index<exact_index>(std::size_t dim) {
  return std::make_unique<exact_index>(dim);
}
template <>
std::unique_ptr<vector_index> make_index<hnsw_index>(std::size_t dim) {
  return std::make_unique<hnsw_index>(dim);
}

// The contract every implementation must honour.
template <typename T>
class VectorIndexContract : public ::testing::Test {};
using implementations = ::testing::Types<exact_index, hnsw_index>;
TYPED_TEST_SUITE(VectorIndexContract, implementations);

TYPED_TEST(VectorIndexContract, AddUpdateRemoveById) {
  auto index = make_index<TypeParam>(8);
  const auto data = random_set(4, 8, 1);
  EXPECT_TRUE(index->add(10, data[0]));
  EXPECT_FALSE(index->add(10, data[1])) << "add must not overwrite";
  EXPECT_TRUE(index->add(11, data[1]));
  EXPECT_EQ(index->size(), 2u);
  EXPECT_TRUE(index->contains(10));

  auto top = index->search(data[0], 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].id, 10u);
  EXPECT_NEAR(top[0].score, 1.0f, 1e-5f);

  EXPECT_TRUE(index->update(10, data[2]));
  EXPECT_FALSE(index->update(99, data[2]));
  EXPECT_EQ(index->search(data[2], 1)[0].id, 10u);
  EXPECT_FALSE(index->upsert(10, data[3]));
  EXPECT_TRUE(index->upsert(12, data[0]));
  EXPECT_EQ(index->size(), 3u);

  EXPECT_TRUE(index->remove(12));
  EXPECT_FALSE(index->remove(12));
  EXPECT_FALSE(index->contains(12));
  EXPECT_EQ(index->size(), 2u);
  for (const auto& hit : index->search(data[0], 10)) EXPECT_NE(hit.id, 12u);
  // A removed id can come back.
  EXPECT_TRUE(index->add(12, data[0]));
  EXPECT_EQ(index->search(data[0], 1)[0].id, 12u);
}

TYPED_TEST(VectorIndexContract, ScoresAreCosineOfUnnormalisedInput) {
  auto index = make_index<TypeParam>(3);
  index->add(1, std::vector<float>{3, 0, 0});
  index->add(2, std::vector<float>{0, 0.5f, 0});
  index->add(3, std::vector<float>{1, 1, 0});
  const auto hits = index->search(std::vector<float>{10, 0, 0}, 3);
  ASSERT_EQ(ids_of(hits), (std::vector<vector_id>{1, 3, 2}));
  EXPECT_NEAR(hits[0].score, 1.0f, 1e-6f);
  EXPECT_NEAR(hits[1].score, 0.70710678f, 1e-6f);
  EXPECT_NEAR(hits[2].score, 0.0f, 1e-6f);
  EXPECT_THROW(index->add(4, std::vector<float>{1, 2}), std::invalid_argument);
  EXPECT_THROW(index->search(std::vector<float>{1, 2, NAN}, 1), std::invalid_argument);
  EXPECT_TRUE(index->search(std::vector<float>{1, 0, 0}, 0).empty());
}

TYPED_TEST(VectorIndexContract, FilterNeverMakesResultsShort) {
  const std::size_t n = 3000, dim = 32;
  auto index = make_index<TypeParam>(dim);
  const auto data = random_set(n, dim, 2);
  for (std::size_t i = 0; i < n; ++i) index->add(i, data[i]);
  exact_index truth(dim);
  for (std::size_t i = 0; i < n; ++i) truth.add(i, data[i]);

  const auto queries = random_set(20, dim, 3);
  for (vector_id modulus : {2u, 37u, 101u, 997u}) {
    const id_filter filter = [modulus](vector_id id) { return id % modulus == 0; };
    const std::size_t passing = (n + modulus - 1) / modulus;
    for (const auto& q : queries) {
      const auto hits = index->search(q, 10, filter);
      ASSERT_EQ(hits.size(), std::min<std::size_t>(10, passing)) << "modulus " << modulus;
      for (const auto& h : hits) EXPECT_EQ(h.id % modulus, 0u);
      for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
      if (passing <= 40) {
        EXPECT_EQ(ids_of(hits), ids_of(truth.search(q, 10, filter))) << "modulus " << modulus;
      }
    }
  }
  const id_filter nobody = [](vector_id) { return false; };
  EXPECT_TRUE(index->search(queries[0], 10, nobody).empty());
}

TYPED_TEST(VectorIndexContract, SaveAndLoadRoundTrip) {
  test::temp_dir dir("index");
  const std::size_t dim = 16;
  auto index = make_index<TypeParam>(dim);
  const auto data = random_set(500, dim, 4);
  for (std::size_t i = 0; i < data.size(); ++i) index->add(1000 + i, data[i]);
  index->remove(1003);
  index->update(1004, data[0]);
  const auto path = dir.path() / "vectors.idx";
  std::string error;
  ASSERT_TRUE(index->save(path, &error)) << error;

  const auto loaded = load_vector_index(path);
  EXPECT_EQ(loaded->kind(), index->kind());
  EXPECT_EQ(loaded->dimension(), dim);
  EXPECT_EQ(loaded->size(), index->size());
  EXPECT_FALSE(loaded->contains(1003));
  for (const auto& q : random_set(10, dim, 5)) {
    const auto a = index->search(q, 5), b = loaded->search(q, 5);
    EXPECT_EQ(ids_of(a), ids_of(b));
  }
  // Still writable after loading.
  EXPECT_TRUE(loaded->add(1, data[7]));
  EXPECT_EQ(loaded->search(data[7], 1)[0].id, 1u);

  EXPECT_FALSE(index->save(dir.path() / "no-such-dir" / "x.idx", &error));
  EXPECT_FALSE(error.empty());
}

TYPED_TEST(VectorIndexContract, ConcurrentSearchesWhileWriting) {
  const std::size_t dim = 16;
  auto index = make_index<TypeParam>(dim);
  const auto data = random_set(2000, dim, 6);
  for (std::size_t i = 0; i < 1000; ++i) index->add(i, data[i]);
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&, r] {
      std::size_t i = static_cast<std::size_t>(r);
      while (!stop) {
        const auto hits =
            index->search(data[i % 1000], 5, [](vector_id id) { return id % 3 != 1; });
        if (hits.size() != 5) ++bad;
        i += 7;
      }
    });
  }
  for (std::size_t i = 1000; i < 2000; ++i) {
    index->add(i, data[i]);
    if (i % 3 == 0) index->remove(i - 500);
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST(VectorIndexFile, RejectsCorruptOrForeignFiles) {
  test::temp_dir dir("corrupt");
  exact_index index(4);
  index.add(1, std::vector<float>{1, 2, 3, 4});
  const auto good = dir.path() / "good.idx";
  ASSERT_TRUE(index.save(good));
  const auto bytes = file_bytes(good);
  auto expect_error = [&](std::vector<std::byte> b, const std::string& needle) {
    const auto p = dir.path() / "bad.idx";
    std::ofstream(p, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
    try {
      load_vector_index(p);
      ADD_FAILURE() << "expected model_error for " << needle;
    } catch (const model_error& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("bad.idx"), std::string::npos) << e.what();
    }
  };
  auto flipped = bytes;
  flipped.back() ^= std::byte{1};
  expect_error(flipped, "checksum");
  auto magic = bytes;
  magic[0] = std::byte{'X'};
  expect_error(magic, "not a Kinora vector index");
  auto version = bytes;
  version[8] = std::byte{9};
  expect_error(version, "version 9");
  expect_error(std::vector<std::byte>(bytes.begin(), bytes.end() - 3), "truncated");
  EXPECT_THROW(load_vector_index(dir.path() / "absent.idx"), model_error);
  EXPECT_THROW(hnsw_index::load(good), model_error);  // an exact index is not an HNSW one
}

TEST(ExactIndex, HandsOutCopiesOfItsVectorsAndTakesAnotherIndexWhole) {
  const auto set = random_set(50, 16, 11);
  exact_index loaded(16);
  for (std::size_t i = 0; i < set.size(); ++i) loaded.add(i + 1, set[i]);
  std::vector<float> doubled = set[7];
  for (auto& x : doubled) x *= 2.0f;
  loaded.update(8, doubled);

  exact_index live(16);
  live.add(999, set[0]);
  live.take(std::move(loaded));
  EXPECT_EQ(live.size(), 50u);
  EXPECT_FALSE(live.contains(999));
  EXPECT_EQ(loaded.size(), 0u);
  const auto eight = live.vector(8);
  ASSERT_TRUE(eight);
  ASSERT_EQ(eight->size(), 16u);
  for (std::size_t d = 0; d < 16; ++d) EXPECT_NEAR((*eight)[d], set[7][d], 1e-6f);  // unit length
  EXPECT_FALSE(live.vector(999));
  EXPECT_EQ(ids_of(live.search(set[20], 1)), std::vector<vector_id>{21});
  exact_index other_dimension(8);
  EXPECT_THROW(live.take(std::move(other_dimension)), std::invalid_argument);
}

TEST(HnswIndex, BuildsAreDeterministic) {
  test::temp_dir dir("det");
  const auto data = random_set(3000, 48, 7);
  std::vector<std::vector<std::byte>> files;
  for (int run = 0; run < 2; ++run) {
    hnsw_index index(48, {.m = 16, .ef_construction = 100, .ef_search = 64, .seed = 1234});
    for (std::size_t i = 0; i < data.size(); ++i) index.add(i * 3, data[i]);
    const auto path = dir.path() / ("run" + std::to_string(run) + ".idx");
    ASSERT_TRUE(index.save(path));
    files.push_back(file_bytes(path));
  }
  EXPECT_EQ(files[0], files[1]);
}

TEST(HnswIndex, CompactsAfterManyRemovals) {
  const auto data = random_set(4000, 16, 8);
  hnsw_index index(16);
  for (std::size_t i = 0; i < data.size(); ++i) index.add(i, data[i]);
  for (std::size_t i = 0; i < 3000; ++i) index.remove(i);
  EXPECT_EQ(index.size(), 1000u);
  exact_index truth(16);
  for (std::size_t i = 3000; i < data.size(); ++i) truth.add(i, data[i]);
  std::size_t found = 0;
  const auto queries = random_set(50, 16, 9);
  for (const auto& q : queries) {
    const auto want = ids_of(truth.search(q, 10));
    const auto got = ids_of(index.search(q, 10));
    ASSERT_EQ(got.size(), 10u);
    for (auto id : got) {
      EXPECT_GE(id, 3000u);
      found += static_cast<std::size_t>(std::count(want.begin(), want.end(), id));
    }
  }
  EXPECT_GE(static_cast<double>(found) / (10.0 * static_cast<double>(queries.size())), 0.98);
}

// Uniformly random 384-d unit vectors are HNSW's worst case: every point is nearly
// equidistant from a random query (cosines of about 0.1 to 0.2), so the graph walk needs a
// wide candidate list. With m=16 / ef_construction=200, recall@10 is about 0.45 at
// ef_search=128, 0.96 at 1024 and 0.99 at 2048; real sentence embeddings, which sit
// on a much lower-dimensional surface, need far less.
TEST(HnswIndex, RecallAt10On20000RandomUnitVectors) {
  const std::size_t n = 20000, dim = 384, k = 10, n_queries = 200;
  const auto data = random_set(n, dim, 20000);
  const auto queries = random_set(n_queries, dim, 777);
  const auto t0 = std::chrono::steady_clock::now();
  hnsw_index index(dim, {.m = 16, .ef_construction = 200, .ef_search = 2048, .seed = 42});
  for (std::size_t i = 0; i < n; ++i) index.add(i, data[i]);
  const auto t1 = std::chrono::steady_clock::now();
  exact_index truth(dim);
  for (std::size_t i = 0; i < n; ++i) truth.add(i, data[i]);
  std::vector<std::vector<vector_id>> want;
  const auto t2 = std::chrono::steady_clock::now();
  for (const auto& q : queries) want.push_back(ids_of(truth.search(q, k)));
  const auto t3 = std::chrono::steady_clock::now();

  auto recall_at = [&](std::size_t ef, double& ms_per_query) {
    index.set_ef_search(ef);
    std::size_t found = 0;
    const auto s = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n_queries; ++i) {
      for (auto id : ids_of(index.search(queries[i], k)))
        found += static_cast<std::size_t>(std::count(want[i].begin(), want[i].end(), id));
    }
    ms_per_query =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count() /
        static_cast<double>(n_queries);
    return static_cast<double>(found) / static_cast<double>(k * n_queries);
  };
  double fast_ms = 0, ms = 0;
  const double fast = recall_at(128, fast_ms);
  const double recall = recall_at(2048, ms);
  std::printf(
      "build %.1f s; recall@10 %.4f at ef_search 2048 (%.2f ms/query), %.4f at 128 (%.2f "
      "ms/query); "
      "exact %.2f ms/query\n",
      std::chrono::duration<double>(t1 - t0).count(), recall, ms, fast, fast_ms,
      std::chrono::duration<double, std::milli>(t3 - t2).count() / static_cast<double>(n_queries));
  RecordProperty("recall_at_10", std::to_string(recall));
  EXPECT_GE(recall, 0.98);
}

}  // namespace
}  // namespace kinora::ai
