#pragma once

#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include "ai/index_file.hpp"
#include "ai/vector_index.hpp"
#include "ai/writer_priority_mutex.hpp"

namespace kinora::ai {

// Brute force: one sgemv over all stored vectors per query, then a top-k selection
// that skips filtered ids. Exact by construction; the reference for HNSW's recall and
// the right choice up to some tens of thousands of vectors.
class exact_index final : public vector_index {
 public:
  explicit exact_index(std::size_t dimension);

  // Loads a file written by save(); throws model_error (see load_vector_index).
  static std::unique_ptr<exact_index> load(const std::filesystem::path& path);
  static std::unique_ptr<exact_index> from_file(const std::filesystem::path& path,
                                                index_file::contents contents);

  index_kind kind() const noexcept override { return index_kind::exact; }
  std::size_t dimension() const noexcept override { return dimension_; }
  std::size_t size() const override;
  bool contains(vector_id id) const override;
  bool remove(vector_id id) override;
  std::vector<search_hit> search(std::span<const float> query, std::size_t k,
                                 const id_filter& filter = {}) const override;
  [[nodiscard]] bool save(const std::filesystem::path& path,
                          std::string* error = nullptr) const override;

  // A copy of the stored (unit-length) vector, if the id is present.
  std::optional<std::vector<float>> vector(vector_id id) const;
  // Replaces this index's contents with `other`'s (same dimension), leaving it empty:
  // a loaded file becomes the live index without copying its vectors.
  void take(exact_index&& other);

  // Visits every stored (unit-length) vector under the read lock, in storage order.
  void for_each(const std::function<void(vector_id, std::span<const float>)>& visit) const;

 private:
  bool write(vector_id id, std::span<const float> vector, write_mode mode) override;

  std::size_t dimension_;
  mutable writer_priority_mutex mutex_;
  std::vector<float> vectors_;  // row i belongs to ids_[i]
  std::vector<vector_id> ids_;
  std::unordered_map<vector_id, std::size_t> row_of_;
};

}  // namespace kinora::ai
