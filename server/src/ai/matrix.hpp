#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace kinora::ai {

// Dense row-major float matrix; one row per encoded text.
class matrix {
 public:
  matrix() = default;
  matrix(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), data_(rows * cols) {}

  std::size_t rows() const noexcept { return rows_; }
  std::size_t cols() const noexcept { return cols_; }
  bool empty() const noexcept { return rows_ == 0; }

  std::span<float> row(std::size_t i) noexcept { return {data_.data() + i * cols_, cols_}; }
  std::span<const float> row(std::size_t i) const noexcept {
    return {data_.data() + i * cols_, cols_};
  }

  float* data() noexcept { return data_.data(); }
  const float* data() const noexcept { return data_.data(); }

 private:
  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::vector<float> data_;
};

}  // namespace kinora::ai
