#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace kinora::ai {

// Read-only memory map of a whole file. Pages are shared with the page cache, so
// several encoders on the same weights cost the memory once.
class mapped_file {
 public:
  // Throws model_error naming the file when it cannot be opened or mapped.
  explicit mapped_file(const std::filesystem::path& path);
  ~mapped_file();

  mapped_file(mapped_file&& other) noexcept;
  mapped_file& operator=(mapped_file&& other) noexcept;
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;

  std::span<const std::byte> bytes() const noexcept { return {data_, size_}; }
  const std::filesystem::path& path() const noexcept { return path_; }

  // Gives back the pages that lie wholly inside `range` (bytes of this file) once their
  // contents have been copied elsewhere: they stay in the page cache but leave this
  // process's resident set. Reading them again later still works (they fault back in).
  void drop_pages(std::span<const std::byte> range) const noexcept;

 private:
  void release() noexcept;

  std::filesystem::path path_;
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kinora::ai
