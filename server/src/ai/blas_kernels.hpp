#pragma once
// Which matrix-product kernels the encoder runs on. OpenBLAS picks its kernels from the CPU
// model as the library loads, and a release older than the CPU falls back to its slowest
// ones (Debian 12's 0.3.21 runs a 2023 Xeon on SSE3 "Prescott" kernels, 8x slower than
// its AVX-512 ones). Kinora reads the CPU's instruction sets itself and, when OpenBLAS chose
// a weaker class, starts again with OPENBLAS_CORETYPE naming the right kernels.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "ai/cpu_features.hpp"

namespace kinora::ai {

// The class an OpenBLAS core's kernels use ("Prescott" sse, "Haswell" avx2, ...).
isa kernel_class(std::string_view openblas_core);
// The OpenBLAS core to ask for on `cpu` when `in_use` is of a weaker class; nullopt when
// the kernels in use are already the CPU's class.
std::optional<std::string> better_core(std::string_view in_use, isa cpu);

// What the encoder's matrix products run on.
struct kernels {
  isa dense = isa::sse;   // Kinora's packed kernels: the dense layers, nearly all the work
  std::string blas_core;  // OpenBLAS's name for its kernels in use: attention's products
  isa blas = isa::sse;
  isa cpu = isa::sse;
  std::string dense_cap;  // KINORA_DENSE_KERNELS, when set
  isa in_use() const { return std::min(dense, blas); }
  bool slow_fallback() const { return in_use() < cpu; }
  // "Kinora AVX-512 kernels (dense layers), OpenBLAS SkylakeX kernels (AVX-512, attention)
  // on an AVX-512 CPU"
  std::string describe() const;
  // What to change when slow_fallback(): the variable that capped the dense kernels, or
  // OpenBLAS's choice.
  std::string fix() const;
};
kernels kernels_in_use();

// First thing in main: when OpenBLAS chose kernels below the CPU's class, re-executes this
// program with OPENBLAS_CORETYPE set to the right core (OpenBLAS reads it only as it
// loads). Returns when nothing needed doing, or when that did not work (the caller then
// reports the slow fallback). Never loops: it does nothing once the variable names the core.
void use_best_blas_kernels(char** argv);

}  // namespace kinora::ai
