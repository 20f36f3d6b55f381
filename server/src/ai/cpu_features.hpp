#pragma once

#include <optional>
#include <string_view>

namespace kinora::ai {

// Instruction-set classes, weakest first.
enum class isa { sse, avx, avx2, avx512 };
std::string_view to_string(isa i);
// The inverse of to_string ("SSE", "AVX", "AVX2", "AVX-512"), nullopt for anything else.
std::optional<isa> isa_from_string(std::string_view name);

// The widest class this CPU runs.
isa this_cpu();

}  // namespace kinora::ai
