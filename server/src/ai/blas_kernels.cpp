#include "ai/blas_kernels.hpp"

#include "ai/dense_kernels.hpp"

#include <cblas.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <utility>

namespace kinora::ai {

isa kernel_class(std::string_view core) {
  // OpenBLAS's x86-64 cores (DYNAMIC_ARCH); any other name is an older SSE core.
  static constexpr std::array<std::pair<std::string_view, isa>, 11> classes{{
      {"SkylakeX", isa::avx512},
      {"Cooperlake", isa::avx512},
      {"SapphireRapids", isa::avx512},
      {"Haswell", isa::avx2},
      {"Zen", isa::avx2},
      {"Excavator", isa::avx2},
      {"Sandybridge", isa::avx},
      {"Bulldozer", isa::avx},
      {"Piledriver", isa::avx},
      {"Steamroller", isa::avx},
      {"Bobcat", isa::sse},
  }};
  for (const auto& [name, cls] : classes)
    if (core == name) return cls;
  return isa::sse;
}

std::optional<std::string> better_core(std::string_view in_use, isa cpu) {
  if (kernel_class(in_use) >= cpu) return std::nullopt;
  switch (cpu) {
    case isa::avx512:
      // Not "Cooperlake": OpenBLAS 0.3.21 cannot be asked for it by name ("Core not found")
      // and its single-precision kernels are SkylakeX's anyway (it adds bfloat16 ones).
      return "SkylakeX";
    case isa::avx2:
      return "Haswell";
    case isa::avx:
      return "Sandybridge";
    case isa::sse:
      break;
  }
  return std::nullopt;
}

std::string kernels::describe() const {
  std::string cap;
  if (!dense_cap.empty())
    cap = isa_from_string(dense_cap)
              ? ", KINORA_DENSE_KERNELS=" + dense_cap
              : ", KINORA_DENSE_KERNELS=" + dense_cap + " ignored: not SSE, AVX, AVX2 or AVX-512";
  return "Kinora " + std::string(to_string(dense)) + " kernels (dense layers" + cap +
         "), OpenBLAS " + blas_core + " kernels (" + std::string(to_string(blas)) +
         ", attention) on an " + std::string(to_string(cpu)) + " CPU";
}

std::string kernels::fix() const {
  if (dense < cpu) return "unset KINORA_DENSE_KERNELS";
  return "a newer OpenBLAS, or OPENBLAS_CORETYPE";
}

kernels kernels_in_use() {
  kernels k;
  const char* core = openblas_get_corename();
  k.blas_core = core ? core : "unknown";
  k.blas = kernel_class(k.blas_core);
  k.dense = dense_kernel_class();
  k.dense_cap = dense_kernel_cap();
  k.cpu = this_cpu();
  return k;
}

void use_best_blas_kernels(char** argv) {
  const auto k = kernels_in_use();
  const auto target = better_core(k.blas_core, k.cpu);
  if (!target) return;
  const char* asked = std::getenv("OPENBLAS_CORETYPE");
  if (asked && *target == asked) return;  // already asked for it: OpenBLAS cannot do better
  ::setenv("OPENBLAS_CORETYPE", target->c_str(), 1);
  ::execv("/proc/self/exe", argv);
  // Only on failure: carry on with the kernels in use; the start-up log names them.
}

}  // namespace kinora::ai
