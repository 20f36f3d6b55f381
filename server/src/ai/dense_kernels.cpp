#include "ai/dense_kernels.hpp"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kinora::ai {

namespace {

constexpr std::size_t W = packed_weights::panel_width;
// How far ahead of the panel row in use the next rows are asked for: the weights are read
// once per product, from memory, and the hardware prefetcher alone ran one sentence at
// two thirds of this speed (16 KB ahead; 4 KB and 1 KB ahead were slower).
constexpr std::size_t prefetch_floats = 4096;

// One tile: MR rows of x times one panel, into MR x 16 floats of y. Each kernel keeps its
// MR x 16 sums in registers; the row loops must unroll for that, hence the pragmas.
using tile_fn = void (*)(const float* x, std::size_t ldx, const float* p, std::size_t K, float* y,
                         std::size_t ldy);

// Each instruction-set class is a struct whose tile<MR> is one tile of MR rows.
struct avx512_tiles_t {
  template <std::size_t MR>
  __attribute__((target("avx512f"))) static void tile(const float* x, std::size_t ldx,
                                                      const float* p, std::size_t K, float* y,
                                                      std::size_t ldy) {
    __m512 acc[MR];
#pragma GCC unroll 32
    for (std::size_t r = 0; r < MR; ++r) acc[r] = _mm512_setzero_ps();
    for (std::size_t k = 0; k < K; ++k) {
      const __m512 b = _mm512_load_ps(p + k * W);
      _mm_prefetch(reinterpret_cast<const char*>(p + k * W + prefetch_floats), _MM_HINT_T0);
#pragma GCC unroll 32
      for (std::size_t r = 0; r < MR; ++r)
        acc[r] = _mm512_fmadd_ps(_mm512_set1_ps(x[r * ldx + k]), b, acc[r]);
    }
#pragma GCC unroll 32
    for (std::size_t r = 0; r < MR; ++r) _mm512_storeu_ps(y + r * ldy, acc[r]);
  }
};

// Two panels at once, x's rows first copied into `a` as [k][MR]: each broadcast feeds two
// products and every load is sequential. Ahead of the one-panel tile from 48 rows on, and
// at 1,024 rows as fast as OpenBLAS's SkylakeX sgemm (about 225 GFLOP/s a core on Zen 5);
// the one-panel tile stays ahead below that, where the weights' stream is what costs.
constexpr std::size_t wide_rows = 8;
constexpr std::size_t wide_from_rows = 48;

__attribute__((target("avx512f"))) void wide_tile_avx512(const float* a, const float* p0,
                                                         const float* p1, std::size_t K, float* y,
                                                         std::size_t ldy) {
  constexpr std::size_t MR = wide_rows;
  __m512 c0[MR], c1[MR];
#pragma GCC unroll 16
  for (std::size_t r = 0; r < MR; ++r) c0[r] = c1[r] = _mm512_setzero_ps();
  for (std::size_t k = 0; k < K; ++k) {
    const __m512 b0 = _mm512_load_ps(p0 + k * W);
    const __m512 b1 = _mm512_load_ps(p1 + k * W);
    _mm_prefetch(reinterpret_cast<const char*>(p0 + k * W + prefetch_floats), _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<const char*>(p1 + k * W + prefetch_floats), _MM_HINT_T0);
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r) {
      const __m512 x = _mm512_set1_ps(a[k * MR + r]);
      c0[r] = _mm512_fmadd_ps(x, b0, c0[r]);
      c1[r] = _mm512_fmadd_ps(x, b1, c1[r]);
    }
  }
#pragma GCC unroll 16
  for (std::size_t r = 0; r < MR; ++r) {
    _mm512_storeu_ps(y + r * ldy, c0[r]);
    _mm512_storeu_ps(y + r * ldy + W, c1[r]);
  }
}

struct avx2_tiles_t {
  template <std::size_t MR>
  __attribute__((target("avx2,fma"))) static void tile(const float* x, std::size_t ldx,
                                                       const float* p, std::size_t K, float* y,
                                                       std::size_t ldy) {
    __m256 lo[MR], hi[MR];
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r) lo[r] = hi[r] = _mm256_setzero_ps();
    for (std::size_t k = 0; k < K; ++k) {
      const __m256 b0 = _mm256_load_ps(p + k * W);
      const __m256 b1 = _mm256_load_ps(p + k * W + 8);
      _mm_prefetch(reinterpret_cast<const char*>(p + k * W + prefetch_floats), _MM_HINT_T0);
#pragma GCC unroll 16
      for (std::size_t r = 0; r < MR; ++r) {
        const __m256 a = _mm256_broadcast_ss(x + r * ldx + k);
        lo[r] = _mm256_fmadd_ps(a, b0, lo[r]);
        hi[r] = _mm256_fmadd_ps(a, b1, hi[r]);
      }
    }
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r) {
      _mm256_storeu_ps(y + r * ldy, lo[r]);
      _mm256_storeu_ps(y + r * ldy + 8, hi[r]);
    }
  }
};

// CPUs without FMA: plain vector code, built once for SSE2 (any x86-64) and once for AVX.
using v4 = float __attribute__((vector_size(16)));

template <std::size_t MR>
[[gnu::always_inline]] inline void tile_portable_body(const float* x, std::size_t ldx,
                                                      const float* p, std::size_t K, float* y,
                                                      std::size_t ldy) {
  v4 acc[MR][W / 4] = {};
  for (std::size_t k = 0; k < K; ++k) {
    v4 b[W / 4];
    std::memcpy(b, p + k * W, sizeof b);
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r) {
      const float a = x[r * ldx + k];
#pragma GCC unroll 4
      for (std::size_t c = 0; c < W / 4; ++c) acc[r][c] += a * b[c];
    }
  }
  for (std::size_t r = 0; r < MR; ++r) std::memcpy(y + r * ldy, acc[r], sizeof acc[r]);
}

struct sse_tiles_t {
  template <std::size_t MR>
  static void tile(const float* x, std::size_t ldx, const float* p, std::size_t K, float* y,
                   std::size_t ldy) {
    tile_portable_body<MR>(x, ldx, p, K, y, ldy);
  }
};

struct avx_tiles_t {
  template <std::size_t MR>
  __attribute__((target("avx"))) static void tile(const float* x, std::size_t ldx, const float* p,
                                                  std::size_t K, float* y, std::size_t ldy) {
    tile_portable_body<MR>(x, ldx, p, K, y, ldy);
  }
};

// Tiles for 1..N rows; a product cuts its rows into tiles of as even a size as it can.
template <class Tiles, std::size_t... I>
constexpr auto tiles_of(std::index_sequence<I...>) {
  return std::array<tile_fn, sizeof...(I)>{&Tiles::template tile<I + 1>...};
}

// Row tiles: 16 rows x 1 zmm panel (16 sums + the panel row in registers) ran best of 16,
// 24 and 28 rows on Zen 5; AVX2 has 16 ymm registers for 2 x 6 sums.
constexpr std::size_t max_tile_rows = 16;
constexpr auto avx512_tiles = tiles_of<avx512_tiles_t>(std::make_index_sequence<max_tile_rows>{});
constexpr auto avx2_tiles = tiles_of<avx2_tiles_t>(std::make_index_sequence<6>{});
constexpr auto avx_tiles = tiles_of<avx_tiles_t>(std::make_index_sequence<4>{});
constexpr auto sse_tiles = tiles_of<sse_tiles_t>(std::make_index_sequence<4>{});

struct kernel_set {
  const tile_fn* tiles;
  std::size_t max_rows;
};

const kernel_set& kernels_of(isa cls) noexcept {
  static constexpr kernel_set sets[] = {
      {sse_tiles.data(), sse_tiles.size()},        // isa::sse
      {avx_tiles.data(), avx_tiles.size()},        // isa::avx
      {avx2_tiles.data(), avx2_tiles.size()},      // isa::avx2
      {avx512_tiles.data(), avx512_tiles.size()},  // isa::avx512
  };
  return sets[static_cast<std::size_t>(cls)];
}

isa this_cpus_class() noexcept {
  static const isa cls = this_cpu();
  return cls;
}

isa class_in_force() noexcept {
  static const isa cls = [] {
    const auto asked = isa_from_string(dense_kernel_cap());
    return asked ? std::min(*asked, this_cpus_class()) : this_cpus_class();
  }();
  return cls;
}

}  // namespace

void packed_weights::free_deleter::operator()(float* p) const noexcept {
  std::free(p);
}

packed_weights::packed_weights(std::span<const float* const> parts, std::size_t rows_each,
                               std::size_t cols)
    : n_(parts.size() * rows_each), k_(cols) {
  // 64-byte aligned: each panel row is one cache line (and one aligned zmm load).
  const std::size_t size = panels() * k_ * W * sizeof(float);
  data_.reset(static_cast<float*>(std::aligned_alloc(64, (size + 63) / 64 * 64)));
  if (!data_) throw std::bad_alloc();
  std::fill_n(data_.get(), panels() * k_ * W, 0.0f);
  std::size_t n = 0;
  for (const float* part : parts) {
    for (std::size_t i = 0; i < rows_each; ++i, ++n) {
      float* dst = data_.get() + (n / W) * k_ * W + n % W;
      const float* src = part + i * k_;
      for (std::size_t k = 0; k < k_; ++k) dst[k * W] = src[k];
    }
  }
}

namespace {

// One panel at a time, x read in place.
void multiply_narrow(const kernel_set& kernel, const float* x, std::size_t rows, std::size_t ldx,
                     const packed_weights& w, std::size_t panel_begin, std::size_t panel_end,
                     float* y, std::size_t ldy) {
  if (rows == 0) return;
  const std::size_t K = w.cols();
  const std::size_t tiles = (rows + kernel.max_rows - 1) / kernel.max_rows;
  for (std::size_t j = panel_begin; j < panel_end; ++j) {
    const float* p = w.panel(j);
    const std::size_t n0 = j * W;
    const std::size_t width = std::min(W, w.rows() - n0);
    for (std::size_t t = 0; t < tiles; ++t) {
      const std::size_t r0 = rows * t / tiles, r1 = rows * (t + 1) / tiles;
      const tile_fn tile = kernel.tiles[r1 - r0 - 1];
      if (width == W) {
        tile(x + r0 * ldx, ldx, p, K, y + r0 * ldy + n0, ldy);
        continue;
      }
      // The zero-padded last panel: its sums land in a scratch tile first.
      alignas(64) float scratch[max_tile_rows * W];
      tile(x + r0 * ldx, ldx, p, K, scratch, W);
      for (std::size_t r = r0; r < r1; ++r)
        std::memcpy(y + r * ldy + n0, scratch + (r - r0) * W, width * sizeof(float));
    }
  }
}

// Many rows on AVX-512: chunks of rows, each copied tile by tile into [k][8] order, then
// run against panel pairs; an odd last panel goes to the one-panel tile.
void multiply_wide(const float* x, std::size_t rows, std::size_t ldx, const packed_weights& w,
                   std::size_t panel_begin, std::size_t panel_end, float* y, std::size_t ldy) {
  constexpr std::size_t MR = wide_rows;
  // 128 rows: the copy of x (384 KB for K = 1,536) stays in the core's L2 beside the panels.
  constexpr std::size_t chunk_rows = 128;
  const std::size_t K = w.cols();
  // One per thread, reused by every product the thread runs (at most 128 x K floats).
  thread_local std::vector<float> a;
  for (std::size_t c0 = 0; c0 < rows; c0 += chunk_rows) {
    const std::size_t chunk = std::min(chunk_rows, rows - c0);
    const std::size_t tiles = (chunk + MR - 1) / MR;
    a.resize(tiles * K * MR);
    for (std::size_t t = 0; t < tiles; ++t) {
      float* at = a.data() + t * K * MR;
      for (std::size_t r = 0; r < MR; ++r) {
        const std::size_t row = c0 + t * MR + r;
        if (row < rows) {
          const float* src = x + row * ldx;
          for (std::size_t k = 0; k < K; ++k) at[k * MR + r] = src[k];
        } else {
          for (std::size_t k = 0; k < K; ++k) at[k * MR + r] = 0.0f;
        }
      }
    }
    std::size_t j = panel_begin;
    for (; j + 1 < panel_end && (j + 2) * W <= w.rows(); j += 2) {
      for (std::size_t t = 0; t < tiles; ++t) {
        const std::size_t r0 = c0 + t * MR, n = std::min(MR, rows - r0);
        const float* at = a.data() + t * K * MR;
        if (n == MR) {
          wide_tile_avx512(at, w.panel(j), w.panel(j + 1), K, y + r0 * ldy + j * W, ldy);
          continue;
        }
        alignas(64) float scratch[MR * 2 * W];
        wide_tile_avx512(at, w.panel(j), w.panel(j + 1), K, scratch, 2 * W);
        for (std::size_t r = 0; r < n; ++r)
          std::memcpy(y + (r0 + r) * ldy + j * W, scratch + r * 2 * W, 2 * W * sizeof(float));
      }
    }
    if (j < panel_end)
      multiply_narrow(kernels_of(isa::avx512), x + c0 * ldx, chunk, ldx, w, j, panel_end,
                      y + c0 * ldy, ldy);
  }
}

}  // namespace

void multiply_packed(const float* x, std::size_t rows, std::size_t ldx, const packed_weights& w,
                     std::size_t panel_begin, std::size_t panel_end, float* y, std::size_t ldy) {
  multiply_packed(class_in_force(), x, rows, ldx, w, panel_begin, panel_end, y, ldy);
}

void multiply_packed(isa kernels, const float* x, std::size_t rows, std::size_t ldx,
                     const packed_weights& w, std::size_t panel_begin, std::size_t panel_end,
                     float* y, std::size_t ldy) {
  if (kernels > this_cpus_class())
    throw std::invalid_argument("multiply_packed: this CPU cannot run " +
                                std::string(to_string(kernels)) + " kernels");
  if (rows >= wide_from_rows && kernels == isa::avx512) {
    multiply_wide(x, rows, ldx, w, panel_begin, panel_end, y, ldy);
    return;
  }
  multiply_narrow(kernels_of(kernels), x, rows, ldx, w, panel_begin, panel_end, y, ldy);
}

isa dense_kernel_class() noexcept {
  return class_in_force();
}

std::string_view dense_kernel_cap() noexcept {
  static const std::string cap = [] {
    const char* value = std::getenv(dense_kernels_variable);
    return std::string(value != nullptr ? value : "");
  }();
  return cap;
}

}  // namespace kinora::ai
