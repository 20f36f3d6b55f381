#include "ai/bert_kernels.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

// The clones dispatch through an ifunc resolver, which ThreadSanitizer builds crash in
// (it runs before the sanitizer runtime is up): those builds get the baseline only.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define KINORA_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define KINORA_CLONES
#endif

namespace kinora::ai::kernels {

namespace {

inline float erf_inline(float a) noexcept {
  // Rational approximation used by Eigen and XLA: odd numerator, even denominator.
  const float x = std::min(4.0f, std::max(-4.0f, a));
  const float x2 = x * x;
  float p = x2 * -2.72614225801306e-10f + 2.77068142495902e-08f;
  p = x2 * p + -2.10102402082508e-06f;
  p = x2 * p + -5.69250639462346e-05f;
  p = x2 * p + -7.34990630326855e-04f;
  p = x2 * p + -2.95459980854025e-03f;
  p = x2 * p + -1.60960333262415e-02f;
  p = x * p;
  float q = x2 * -1.45660718464996e-05f + -2.13374055278905e-04f;
  q = x2 * q + -1.68282697438203e-03f;
  q = x2 * q + -7.37332916720468e-03f;
  q = x2 * q + -1.42647390514189e-02f;
  return p / q;
}

inline float exp_inline(float a) noexcept {
  // exp(x) = 2^n * exp(r), |r| <= ln2/2, with Cephes' polynomial for exp(r).
  const float x = std::min(88.3762626647949f, std::max(-87.3365478515625f, a));
  // Round to nearest by the 1.5*2^23 trick: works without SSE4.1's roundps.
  const float magic = 12582912.0f;
  const float n = (x * 1.44269504088896341f + magic) - magic;
  float r = x - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float e = p * r * r + r + 1.0f;
  const auto bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(n) + 127) << 23;
  return e * std::bit_cast<float>(bits);
}

}  // namespace

float erf_approx(float x) noexcept {
  return erf_inline(x);
}
float exp_approx(float x) noexcept {
  return exp_inline(x);
}

KINORA_CLONES
void layer_norm(float* x, std::size_t rows, std::size_t cols, std::size_t ld, const float* gamma,
                const float* beta, float eps) noexcept {
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = x + r * ld;
    float sum = 0.0f;
    for (std::size_t c = 0; c < cols; ++c) sum += v[c];
    const float mean = sum / static_cast<float>(cols);
    // Two passes, like PyTorch: the variance of centred values loses nothing to cancellation.
    float sq = 0.0f;
    for (std::size_t c = 0; c < cols; ++c) {
      const float d = v[c] - mean;
      sq += d * d;
    }
    const float inv = 1.0f / std::sqrt(sq / static_cast<float>(cols) + eps);
    for (std::size_t c = 0; c < cols; ++c) v[c] = (v[c] - mean) * inv * gamma[c] + beta[c];
  }
}

KINORA_CLONES
void bias_gelu(float* y, std::size_t rows, std::size_t cols, std::size_t ld,
               const float* bias) noexcept {
  constexpr float inv_sqrt2 = 0.70710678118654752f;
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = y + r * ld;
    for (std::size_t c = 0; c < cols; ++c) {
      const float t = v[c] + bias[c];
      v[c] = 0.5f * t * (1.0f + erf_inline(t * inv_sqrt2));
    }
  }
}

KINORA_CLONES
void bias_residual(float* y, std::size_t rows, std::size_t cols, std::size_t ld, const float* bias,
                   const float* residual, std::size_t residual_ld) noexcept {
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = y + r * ld;
    const float* res = residual + r * residual_ld;
    for (std::size_t c = 0; c < cols; ++c) v[c] += bias[c] + res[c];
  }
}

KINORA_CLONES
void bias_add(float* y, std::size_t rows, std::size_t cols, std::size_t ld,
              const float* bias) noexcept {
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = y + r * ld;
    for (std::size_t c = 0; c < cols; ++c) v[c] += bias[c];
  }
}

KINORA_CLONES
void softmax(float* s, std::size_t rows, std::size_t cols, std::size_t ld, float scale) noexcept {
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = s + r * ld;
    float mx = v[0];
    for (std::size_t c = 1; c < cols; ++c) mx = std::max(mx, v[c]);
    float sum = 0.0f;
    for (std::size_t c = 0; c < cols; ++c) {
      const float e = exp_inline((v[c] - mx) * scale);
      v[c] = e;
      sum += e;
    }
    const float inv = 1.0f / sum;
    for (std::size_t c = 0; c < cols; ++c) v[c] *= inv;
  }
}

KINORA_CLONES
void accumulate(float* dst, const float* src, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) dst[i] += src[i];
}

}  // namespace kinora::ai::kernels
