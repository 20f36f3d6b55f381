#pragma once

#include <cstddef>

// Element-wise parts of the BERT forward pass. The matrix products are OpenBLAS's;
// these loops are written so the compiler vectorises them, with AVX2/AVX-512 clones
// picked at run time.
namespace kinora::ai::kernels {

// erf to within a few float ulps, without branches (rational approximation on [-4, 4]).
float erf_approx(float x) noexcept;
float exp_approx(float x) noexcept;

// x[r, :] = LayerNorm(x[r, :]) * gamma + beta, rows of `cols` floats `ld` apart.
void layer_norm(float* x, std::size_t rows, std::size_t cols, std::size_t ld, const float* gamma,
                const float* beta, float eps) noexcept;

// y[r, c] = gelu(y[r, c] + bias[c]) with the exact (erf) GELU, for a block of columns.
void bias_gelu(float* y, std::size_t rows, std::size_t cols, std::size_t ld,
               const float* bias) noexcept;

// y[r, c] += bias[c] + residual[r, c].
void bias_residual(float* y, std::size_t rows, std::size_t cols, std::size_t ld, const float* bias,
                   const float* residual, std::size_t residual_ld) noexcept;

// y[r, c] += bias[c].
void bias_add(float* y, std::size_t rows, std::size_t cols, std::size_t ld,
              const float* bias) noexcept;

// Row-wise softmax of s * scale, in place.
void softmax(float* s, std::size_t rows, std::size_t cols, std::size_t ld, float scale) noexcept;

// dst[c] += src[c].
void accumulate(float* dst, const float* src, std::size_t n) noexcept;

}  // namespace kinora::ai::kernels
