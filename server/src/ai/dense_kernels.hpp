#pragma once
// The encoder's dense layers (y = x W^T + ...): Kinora's own matrix product over weights
// packed once at load. A general BLAS packs the weights into its own panel order on every
// call; for one short sentence that copy is a third of the work (OpenBLAS 0.3.21 on Zen 5),
// and at any size the packed kernel ran faster here (bench/README.md, issue 13).
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

#include "ai/cpu_features.hpp"

namespace kinora::ai {

// W[N, K] (row-major, as PyTorch stores a Linear layer's weight), re-laid as panels of
// 16 output columns, each K rows of 16 contiguous floats: a product reads the panel it
// works on as one sequential stream. The last panel is zero-padded.
class packed_weights {
 public:
  static constexpr std::size_t panel_width = 16;

  packed_weights() = default;
  // Packs the row blocks `parts` of W, stacked in order: {query, key, value} packs as one
  // [3H, H] weight so the three projections are one product.
  packed_weights(std::span<const float* const> parts, std::size_t rows_each, std::size_t cols);

  std::size_t rows() const noexcept { return n_; }  // N: output columns of the product
  std::size_t cols() const noexcept { return k_; }  // K: the inner dimension
  std::size_t panels() const noexcept { return (n_ + panel_width - 1) / panel_width; }
  const float* panel(std::size_t j) const noexcept { return data_.get() + j * k_ * panel_width; }
  std::size_t bytes() const noexcept { return panels() * k_ * panel_width * sizeof(float); }

 private:
  struct free_deleter {
    void operator()(float* p) const noexcept;
  };
  std::unique_ptr<float[], free_deleter> data_;
  std::size_t n_ = 0;
  std::size_t k_ = 0;
};

// y[r, n] = sum_k x[r, k] * W[n, k] for rows r < `rows` and the output columns of panels
// [panel_begin, panel_end). x rows are `ldx` floats apart, y rows `ldy`.
void multiply_packed(const float* x, std::size_t rows, std::size_t ldx, const packed_weights& w,
                     std::size_t panel_begin, std::size_t panel_end, float* y, std::size_t ldy);

// The same on the kernels of a given class, which must not exceed this CPU's (the tests
// run every class the CPU can); std::invalid_argument otherwise.
void multiply_packed(isa kernels, const float* x, std::size_t rows, std::size_t ldx,
                     const packed_weights& w, std::size_t panel_begin, std::size_t panel_end,
                     float* y, std::size_t ldy);

// The instruction-set class multiply_packed runs: this CPU's widest, unless the environment
// variable KINORA_DENSE_KERNELS names a weaker one (SSE, AVX, AVX2 or AVX-512) to cap it
// at, e.g. AVX2 on Xeons whose clock drops under AVX-512, or to compare classes on one
// machine. Read once, at first use.
isa dense_kernel_class() noexcept;
inline constexpr const char* dense_kernels_variable = "KINORA_DENSE_KERNELS";
// That variable's value as dense_kernel_class() read it; empty when unset.
std::string_view dense_kernel_cap() noexcept;

}  // namespace kinora::ai
