#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>

#include "ai/index_file.hpp"
#include "ai/vector_index.hpp"
#include "ai/writer_priority_mutex.hpp"

namespace kinora::ai {

struct hnsw_params {
  std::size_t m = 16;                 // graph degree (2*m on the bottom layer)
  std::size_t ef_construction = 200;  // candidate list while inserting
  std::size_t ef_search = 128;        // candidate list while searching (at least k)
  std::uint64_t seed = 42;            // level draws: same inserts + seed = same graph
  std::size_t initial_capacity = 1024;
};

// Approximate index on hnswlib's HNSW graph (inner product on unit vectors = cosine).
// Inserts run on the caller's thread in call order, so a build is reproducible.
// Filtered searches widen the candidate list until k ids pass, and fall back to a scan
// of the stored vectors when the filter is too selective for the graph to help.
// Removals are tombstones; the graph is rebuilt once they outnumber live vectors.
class hnsw_index final : public vector_index {
 public:
  explicit hnsw_index(std::size_t dimension, hnsw_params params = {});
  ~hnsw_index() override;

  static std::unique_ptr<hnsw_index> load(const std::filesystem::path& path);
  static std::unique_ptr<hnsw_index> from_file(const std::filesystem::path& path,
                                               index_file::contents contents);

  index_kind kind() const noexcept override { return index_kind::hnsw; }
  std::size_t dimension() const noexcept override { return dimension_; }
  std::size_t size() const override;
  bool contains(vector_id id) const override;
  bool remove(vector_id id) override;
  std::vector<search_hit> search(std::span<const float> query, std::size_t k,
                                 const id_filter& filter = {}) const override;
  [[nodiscard]] bool save(const std::filesystem::path& path,
                          std::string* error = nullptr) const override;

  hnsw_params params() const;
  // Query-time accuracy/speed knob; takes effect for searches that start afterwards.
  void set_ef_search(std::size_t ef);

 private:
  struct graph;
  bool write(vector_id id, std::span<const float> vector, write_mode mode) override;
  void compact();  // caller holds the exclusive lock
  std::vector<search_hit> scan(const float* query, std::size_t k, const id_filter& filter) const;

  std::size_t dimension_;
  hnsw_params params_;
  mutable writer_priority_mutex mutex_;
  std::unique_ptr<graph> graph_;
};

}  // namespace kinora::ai
