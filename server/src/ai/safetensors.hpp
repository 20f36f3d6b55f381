#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ai/mapped_file.hpp"

namespace kinora::ai {

// One tensor of a safetensors file: its header entry and its raw little-endian bytes,
// which point into the memory map.
struct tensor_view {
  std::string name;
  std::string dtype;  // as written in the header: "F32", "F16", "I64", ...
  std::vector<std::int64_t> shape;
  std::span<const std::byte> bytes;

  std::int64_t element_count() const noexcept;
};

// A memory-mapped .safetensors file: 8-byte little-endian header length, a JSON
// header, then the tensors' raw bytes. The header is validated completely on open
// (offsets inside the file, sizes consistent with dtype and shape), so a tensor_view
// handed out is always safe to read.
class safetensors_file {
 public:
  // Throws model_error naming the file and, where it applies, the tensor.
  explicit safetensors_file(const std::filesystem::path& path);

  const std::filesystem::path& path() const noexcept { return file_.path(); }
  const std::vector<tensor_view>& tensors() const noexcept { return tensors_; }
  const std::map<std::string, std::string>& metadata() const noexcept { return metadata_; }

  // nullptr when absent.
  const tensor_view* find(std::string_view name) const noexcept;

  // The tensor's pages leave the resident set (mapped_file::drop_pages).
  void drop_pages(const tensor_view& t) const noexcept { file_.drop_pages(t.bytes); }

  // Bytes per element of a dtype name, 0 when unknown.
  static std::size_t dtype_size(std::string_view dtype) noexcept;

 private:
  mapped_file file_;
  std::vector<tensor_view> tensors_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace kinora::ai
