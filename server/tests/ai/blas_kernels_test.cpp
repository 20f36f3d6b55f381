#include <gtest/gtest.h>

#include "ai/blas_kernels.hpp"

namespace kinora::ai {
namespace {

TEST(BlasKernels, CoresAreClassedByTheInstructionsTheirKernelsUse) {
  EXPECT_EQ(kernel_class("Prescott"), isa::sse);
  EXPECT_EQ(kernel_class("Nehalem"), isa::sse);
  EXPECT_EQ(kernel_class("Sandybridge"), isa::avx);
  EXPECT_EQ(kernel_class("Haswell"), isa::avx2);
  EXPECT_EQ(kernel_class("Zen"), isa::avx2);
  EXPECT_EQ(kernel_class("SkylakeX"), isa::avx512);
  EXPECT_EQ(kernel_class("Cooperlake"), isa::avx512);
  EXPECT_EQ(kernel_class("something new"), isa::sse);
}

TEST(BlasKernels, AWeakerCoreIsReplacedByTheCpusOwnClass) {
  // The Xeon of the issue: OpenBLAS 0.3.21 did not know it and chose Prescott.
  EXPECT_EQ(better_core("Prescott", isa::avx512), "SkylakeX");
  EXPECT_EQ(better_core("Haswell", isa::avx512), "SkylakeX");
  EXPECT_EQ(better_core("Prescott", isa::avx2), "Haswell");
  EXPECT_EQ(better_core("Nehalem", isa::avx), "Sandybridge");
  EXPECT_EQ(better_core("Cooperlake", isa::avx512), std::nullopt);
  EXPECT_EQ(better_core("Zen", isa::avx2), std::nullopt);
  EXPECT_EQ(better_core("Prescott", isa::sse), std::nullopt);
}

}  // namespace
}  // namespace kinora::ai
