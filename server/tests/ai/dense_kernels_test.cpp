#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ai/dense_kernels.hpp"
#include "ai/mapped_file.hpp"

namespace kinora::ai {
namespace {

std::vector<float> random_floats(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  std::vector<float> v(n);
  for (auto& x : v) x = d(gen);
  return v;
}

// Every class this CPU runs, weakest first.
std::vector<isa> classes_here() {
  std::vector<isa> out;
  for (isa c : {isa::sse, isa::avx, isa::avx2, isa::avx512})
    if (c <= this_cpu()) out.push_back(c);
  return out;
}

// multiply_packed on the kernels of `cls` against y = x W^T summed in double precision.
void expect_product(isa cls, std::size_t rows, std::size_t N, std::size_t K,
                    std::size_t split_panel) {
  const auto x = random_floats(rows * (K + 3), 1);  // rows K + 3 apart: ldx != K
  const auto Wt = random_floats(N * K, 2);
  const packed_weights w({std::vector<const float*>{Wt.data()}}, N, K);
  const std::size_t ldy = N + 5;
  std::vector<float> y(rows * ldy, -7.0f);
  // Two calls over adjacent panel ranges, as two threads split a product.
  multiply_packed(cls, x.data(), rows, K + 3, w, 0, split_panel, y.data(), ldy);
  multiply_packed(cls, x.data(), rows, K + 3, w, split_panel, w.panels(), y.data(), ldy);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t n = 0; n < N; ++n) {
      double want = 0.0;
      for (std::size_t k = 0; k < K; ++k)
        want += static_cast<double>(x[r * (K + 3) + k]) * Wt[n * K + k];
      ASSERT_NEAR(y[r * ldy + n], want, 1e-4 * (1.0 + std::sqrt(static_cast<double>(K))))
          << to_string(cls) << " rows " << rows << " N " << N << " K " << K << " at " << r << ","
          << n;
    }
    for (std::size_t n = N; n < ldy; ++n)
      ASSERT_EQ(y[r * ldy + n], -7.0f) << "wrote past column " << N << " in row " << r;
  }
}

TEST(DenseKernels, EveryClassThisCpuRunsMatchesTheProduct) {
  // Rows across the tile sizes (1, one AVX-512 tile, the wide kernel from 48 rows, several
  // 128-row chunks); N with a padded last panel and an odd panel count; K from 1 up.
  for (isa cls : classes_here()) {
    for (std::size_t rows : {1u, 5u, 16u, 18u, 47u, 48u, 49u, 130u, 300u}) {
      expect_product(cls, rows, 64, 384, 2);
      expect_product(cls, rows, 40, 7, 1);    // 3 panels, the last 8 wide
      expect_product(cls, rows, 48, 1, 3);    // odd panel count; second call empty
      expect_product(cls, rows, 400, 96, 7);  // split at an odd panel
    }
  }
}

TEST(DenseKernels, StackedPartsPackAsOneWeight) {
  const auto q = random_floats(32 * 24, 3), k = random_floats(32 * 24, 4);
  std::vector<float> both(q);
  both.insert(both.end(), k.begin(), k.end());
  const packed_weights stacked({std::vector<const float*>{q.data(), k.data()}}, 32, 24);
  const packed_weights whole({std::vector<const float*>{both.data()}}, 64, 24);
  ASSERT_EQ(stacked.rows(), 64u);
  ASSERT_EQ(stacked.panels(), 4u);
  for (std::size_t j = 0; j < stacked.panels(); ++j)
    for (std::size_t i = 0; i < 24 * packed_weights::panel_width; ++i)
      ASSERT_EQ(stacked.panel(j)[i], whole.panel(j)[i]);
}

TEST(DenseKernels, TheCpusOwnClassRunsTheProducts) {
  EXPECT_EQ(dense_kernel_class(), this_cpu());
  if (this_cpu() == isa::avx512) return;  // nothing above it to refuse
  const auto x = random_floats(16, 5);
  const packed_weights w({std::vector<const float*>{x.data()}}, 1, 16);
  std::vector<float> y(1);
  EXPECT_THROW(multiply_packed(isa::avx512, x.data(), 1, 16, w, 0, 1, y.data(), 1),
               std::invalid_argument);
}

long rss_file_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("RssFile:", 0) == 0) return std::stol(line.substr(8));
  return -1;
}

TEST(MappedFile, DroppedPagesLeaveTheResidentSetAndStillRead) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("kinora-drop-pages-" + std::to_string(::getpid()) + ".bin");
  const std::size_t size = 8u << 20;
  {
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 0; i < size; ++i) out.put(static_cast<char>(i * 7 % 251));
  }
  {
    const mapped_file file(path);
    const auto bytes = file.bytes();
    unsigned sum = 0;
    for (std::size_t i = 0; i < size; i += 4096) sum += static_cast<unsigned>(bytes[i]);
    const long touched = rss_file_kb();
    file.drop_pages(bytes.subspan(100, size - 200));  // partial first and last pages stay
    const long dropped = rss_file_kb();
    EXPECT_GT(touched - dropped, 7 * 1024) << "RssFile " << touched << " -> " << dropped << " kB";
    for (std::size_t i = 0; i < size; i += 4096 * 31)
      ASSERT_EQ(bytes[i], static_cast<std::byte>(i * 7 % 251));
    EXPECT_GT(sum, 0u);
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kinora::ai
