#include "ai/cpu_features.hpp"

namespace kinora::ai {

std::string_view to_string(isa i) {
  switch (i) {
    case isa::avx512:
      return "AVX-512";
    case isa::avx2:
      return "AVX2";
    case isa::avx:
      return "AVX";
    case isa::sse:
      break;
  }
  return "SSE";
}

std::optional<isa> isa_from_string(std::string_view name) {
  for (isa i : {isa::sse, isa::avx, isa::avx2, isa::avx512})
    if (name == to_string(i)) return i;
  return std::nullopt;
}

isa this_cpu() {
  __builtin_cpu_init();
  // OpenBLAS's AVX-512 kernels need F, BW, DQ and VL (Skylake-SP and later).
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
    return isa::avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return isa::avx2;
  if (__builtin_cpu_supports("avx")) return isa::avx;
  return isa::sse;
}

}  // namespace kinora::ai
