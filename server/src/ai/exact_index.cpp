#include "ai/exact_index.hpp"

#include <cblas.h>
#include <algorithm>
#include <cstring>
#include <mutex>
#include <queue>
#include <stdexcept>

#include "ai/model_error.hpp"

namespace kinora::ai {

exact_index::exact_index(std::size_t dimension) : dimension_(dimension) {
  if (dimension == 0) throw std::invalid_argument("exact_index: dimension must be positive");
}

std::size_t exact_index::size() const {
  std::shared_lock lock(mutex_);
  return ids_.size();
}

bool exact_index::contains(vector_id id) const {
  std::shared_lock lock(mutex_);
  return row_of_.contains(id);
}

bool exact_index::write(vector_id id, std::span<const float> v, write_mode mode) {
  index_file::check_vector(v, dimension_);
  std::unique_lock lock(mutex_);
  auto it = row_of_.find(id);
  if (it != row_of_.end()) {
    if (mode == write_mode::add) return false;
    index_file::normalize_into(v, vectors_.data() + it->second * dimension_);
    return mode == write_mode::update;
  }
  if (mode == write_mode::update) return false;
  const std::size_t row = ids_.size();
  vectors_.resize(vectors_.size() + dimension_);
  index_file::normalize_into(v, vectors_.data() + row * dimension_);
  ids_.push_back(id);
  row_of_.emplace(id, row);
  return true;
}

bool exact_index::remove(vector_id id) {
  std::unique_lock lock(mutex_);
  auto it = row_of_.find(id);
  if (it == row_of_.end()) return false;
  // Move the last row into the hole: O(dimension) instead of shifting everything.
  const std::size_t row = it->second;
  const std::size_t last = ids_.size() - 1;
  if (row != last) {
    std::copy_n(vectors_.begin() + static_cast<std::ptrdiff_t>(last * dimension_), dimension_,
                vectors_.begin() + static_cast<std::ptrdiff_t>(row * dimension_));
    ids_[row] = ids_[last];
    row_of_[ids_[row]] = row;
  }
  ids_.pop_back();
  vectors_.resize(last * dimension_);
  row_of_.erase(it);
  return true;
}

std::vector<search_hit> exact_index::search(std::span<const float> query, std::size_t k,
                                            const id_filter& filter) const {
  index_file::check_vector(query, dimension_);
  std::vector<float> q(dimension_);
  index_file::normalize_into(query, q.data());

  std::shared_lock lock(mutex_);
  const std::size_t n = ids_.size();
  if (k == 0 || n == 0) return {};
  std::vector<float> scores(n);
  cblas_sgemv(CblasRowMajor, CblasNoTrans, static_cast<int>(n), static_cast<int>(dimension_), 1.0f,
              vectors_.data(), static_cast<int>(dimension_), q.data(), 1, 0.0f, scores.data(), 1);

  // Min-heap of the best k so far, worst on top (ties: larger id is worse).
  auto worse = [](const search_hit& a, const search_hit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  std::priority_queue<search_hit, std::vector<search_hit>, decltype(worse)> heap(worse);
  for (std::size_t i = 0; i < n; ++i) {
    const search_hit hit{ids_[i], scores[i]};
    if (heap.size() == k && !worse(hit, heap.top())) continue;  // cheap reject before the filter
    if (filter && !filter(hit.id)) continue;
    heap.push(hit);
    if (heap.size() > k) heap.pop();
  }
  std::vector<search_hit> hits;
  hits.reserve(heap.size());
  while (!heap.empty()) {
    hits.push_back(heap.top());
    heap.pop();
  }
  index_file::finish_hits(hits, k);
  return hits;
}

void exact_index::for_each(
    const std::function<void(vector_id, std::span<const float>)>& visit) const {
  std::shared_lock lock(mutex_);
  for (std::size_t i = 0; i < ids_.size(); ++i)
    visit(ids_[i], std::span<const float>(vectors_.data() + i * dimension_, dimension_));
}

bool exact_index::save(const std::filesystem::path& path, std::string* error) const {
  // Written straight from the arrays under the read lock: a copy of them would be the
  // largest allocation of a catalog sync (15 MB at MovieLens size). Writers wait for the
  // file write; searches do not.
  std::shared_lock lock(mutex_);
  const std::uint64_t count = ids_.size();
  const std::span<const std::byte> payload[] = {std::as_bytes(std::span(&count, 1)),
                                                std::as_bytes(std::span(ids_)),
                                                std::as_bytes(std::span(vectors_))};
  return index_file::write(path, index_kind::exact, dimension_, payload, error);
}

std::optional<std::vector<float>> exact_index::vector(vector_id id) const {
  std::shared_lock lock(mutex_);
  const auto it = row_of_.find(id);
  if (it == row_of_.end()) return std::nullopt;
  const auto row = vectors_.begin() + static_cast<std::ptrdiff_t>(it->second * dimension_);
  return std::vector<float>(row, row + static_cast<std::ptrdiff_t>(dimension_));
}

void exact_index::take(exact_index&& other) {
  if (other.dimension_ != dimension_)
    throw std::invalid_argument("exact_index: take() of an index of another dimension");
  std::unique_lock lock(mutex_);
  std::unique_lock theirs(other.mutex_);
  vectors_ = std::move(other.vectors_);
  ids_ = std::move(other.ids_);
  row_of_ = std::move(other.row_of_);
}

std::unique_ptr<exact_index> exact_index::load(const std::filesystem::path& path) {
  auto c = index_file::read(path);
  if (c.kind != index_kind::exact) throw model_error(path.string() + ": not an exact index");
  return from_file(path, std::move(c));
}

std::unique_ptr<exact_index> exact_index::from_file(const std::filesystem::path& path,
                                                    index_file::contents c) {
  auto index = std::make_unique<exact_index>(c.dimension);
  index_file::reader r(c.payload, path.string());
  const auto n = r.get<std::uint64_t>();
  if (n > c.payload.size() / sizeof(vector_id)) r.fail("implausible vector count");
  auto id_bytes = r.take(n * sizeof(vector_id));
  auto vec_bytes = r.take(n * c.dimension * sizeof(float));
  if (!r.at_end()) r.fail("trailing bytes after the vectors");
  index->ids_.resize(n);
  index->vectors_.resize(n * c.dimension);
  std::memcpy(index->ids_.data(), id_bytes.data(), id_bytes.size());
  std::memcpy(index->vectors_.data(), vec_bytes.data(), vec_bytes.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!index->row_of_.emplace(index->ids_[i], i).second)
      r.fail("duplicate id " + std::to_string(index->ids_[i]));
  }
  return index;
}

}  // namespace kinora::ai
