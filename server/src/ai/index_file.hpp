#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "ai/vector_index.hpp"

// On-disk envelope shared by the index implementations:
//   8  magic "KNRVIDX\0"
//   4  format version (little-endian u32, currently 1)
//   4  index kind (1 exact, 2 hnsw)
//   8  dimension
//   8  payload size in bytes
//   8  FNV-1a 64 checksum of the payload
//   .. payload, owned by the implementation
// Integers and floats are written in the machine's (x86-64: little-endian) order.
namespace kinora::ai::index_file {

inline constexpr std::uint32_t format_version = 1;

struct contents {
  index_kind kind;
  std::size_t dimension;
  std::vector<std::byte> payload;
};

// Throws model_error naming the file and what is wrong with it.
contents read(const std::filesystem::path& path);
// Atomic write of the payload `parts` in order (the file holds their concatenation, so an
// index need not copy its arrays into one buffer first); false and a reason on failure.
bool write(const std::filesystem::path& path, index_kind kind, std::size_t dimension,
           std::span<const std::span<const std::byte>> parts, std::string* error);

// Append-only payload builder and its matching bounds-checked reader.
class writer {
 public:
  template <typename T>
  void put(const T& value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  void put_bytes(std::span<const std::byte> data) {
    bytes_.insert(bytes_.end(), data.begin(), data.end());
  }
  std::vector<std::byte>& bytes() noexcept { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

class reader {
 public:
  reader(std::span<const std::byte> data, std::string origin)
      : data_(data), origin_(std::move(origin)) {}
  template <typename T>
  T get() {
    T value;
    auto src = take(sizeof(T));
    std::copy(src.begin(), src.end(), reinterpret_cast<std::byte*>(&value));
    return value;
  }
  std::span<const std::byte> take(std::size_t n);
  bool at_end() const noexcept { return pos_ == data_.size(); }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::span<const std::byte> data_;
  std::size_t pos_ = 0;
  std::string origin_;
};

// Shared helpers of both implementations.
void check_vector(std::span<const float> v, std::size_t dimension);
void normalize_into(std::span<const float> v, float* out);
// Sorts by score descending, then id ascending, and keeps k.
void finish_hits(std::vector<search_hit>& hits, std::size_t k);

}  // namespace kinora::ai::index_file
