#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace kinora::ai {

using vector_id = std::uint64_t;

struct search_hit {
  vector_id id;
  float score;  // cosine similarity, higher is closer
};

// True when the caller may see `id` (e.g. the catalogue a profile is allowed).
using id_filter = std::function<bool(vector_id)>;

enum class index_kind : std::uint32_t { exact = 1, hnsw = 2 };

// Cosine top-k over vectors keyed by id. Vectors are stored L2-normalised.
// Concurrent searches are safe; writes take an exclusive lock.
// Passing a vector of the wrong dimension or with NaN/inf is a programming error
// (std::invalid_argument); nothing else here throws except load.
class vector_index {
 public:
  virtual ~vector_index() = default;

  virtual index_kind kind() const noexcept = 0;
  virtual std::size_t dimension() const noexcept = 0;
  virtual std::size_t size() const = 0;
  virtual bool contains(vector_id id) const = 0;

  // false (and no change) if the id is already present.
  bool add(vector_id id, std::span<const float> vector) {
    return write(id, vector, write_mode::add);
  }
  // false (and no change) if the id is absent.
  bool update(vector_id id, std::span<const float> vector) {
    return write(id, vector, write_mode::update);
  }
  // Adds or replaces; true if the id was new.
  bool upsert(vector_id id, std::span<const float> vector) {
    return write(id, vector, write_mode::upsert);
  }
  // false if the id was absent.
  virtual bool remove(vector_id id) = 0;

  // The k best hits by cosine among ids the filter accepts, best first (ties by id).
  // Returns fewer than k only when fewer than k stored ids pass the filter.
  virtual std::vector<search_hit> search(std::span<const float> query, std::size_t k,
                                         const id_filter& filter = {}) const = 0;

  // Writes a versioned file atomically (temporary file, then rename). On failure
  // returns false and, if `error` is given, the reason.
  [[nodiscard]] virtual bool save(const std::filesystem::path& path,
                                  std::string* error = nullptr) const = 0;

 protected:
  enum class write_mode { add, update, upsert };
  // The one write path behind add, update and upsert, with their rules above.
  virtual bool write(vector_id id, std::span<const float> vector, write_mode mode) = 0;
};

// Loads a file written by either implementation's save(); throws model_error naming
// the file on a bad magic, unknown version or kind, truncation or checksum mismatch.
std::unique_ptr<vector_index> load_vector_index(const std::filesystem::path& path);

}  // namespace kinora::ai
