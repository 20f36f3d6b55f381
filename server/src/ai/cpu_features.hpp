#pragma once

#include <string_view>

namespace kinora::ai {

// Instruction-set classes, weakest first.
enum class isa { sse, avx, avx2, avx512 };
std::string_view to_string(isa i);

// The widest class this CPU runs.
isa this_cpu();

}  // namespace kinora::ai
