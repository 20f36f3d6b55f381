#include "ai/hnsw_index.hpp"

// hnswlib defines non-inline functions in its headers: this must stay the only
// translation unit that includes it. Its SSE code paths are switched off: the distance
// kernels below replace them, and their prefetches read one link past the end of a
// neighbour list (a heap over-read AddressSanitizer reports in hnswlib 0.6.2).
#define NO_MANUAL_VECTORIZATION
#include <hnswlib/hnswlib.h>

#include <immintrin.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

// hnswlib 0.6 reads and writes indexes only by path; this file lives for one call.
class temp_file {
 public:
  temp_file() {
    auto pattern = (std::filesystem::temp_directory_path() / "kinora-hnsw-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + pattern);
    ::close(fd);
    path_ = pattern;
  }
  ~temp_file() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

// Distance 1 - dot(a, b) (cosine distance on unit vectors). hnswlib picks its SIMD
// kernels at compile time and this library is built for baseline x86-64, so it would
// only get SSE; these kernels are chosen at run time from what the CPU supports.
float dot_distance_scalar(const void* a, const void* b, const void* param) {
  const auto* x = static_cast<const float*>(a);
  const auto* y = static_cast<const float*>(b);
  const std::size_t n = *static_cast<const std::size_t*>(param);
  float acc[8] = {};
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (std::size_t j = 0; j < 8; ++j) acc[j] += x[i + j] * y[i + j];
  }
  float sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
  for (; i < n; ++i) sum += x[i] * y[i];
  return 1.0f - sum;
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) float dot_distance_avx2(const void* a, const void* b,
                                                            const void* param) {
  const auto* x = static_cast<const float*>(a);
  const auto* y = static_cast<const float*>(b);
  const std::size_t n = *static_cast<const std::size_t*>(param);
  __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    s0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), s0);
    s1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), s1);
  }
  for (; i + 8 <= n; i += 8)
    s0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), s0);
  s0 = _mm256_add_ps(s0, s1);
  __m128 h = _mm_add_ps(_mm256_castps256_ps128(s0), _mm256_extractf128_ps(s0, 1));
  h = _mm_add_ps(h, _mm_movehl_ps(h, h));
  h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
  float sum = _mm_cvtss_f32(h);
  for (; i < n; ++i) sum += x[i] * y[i];
  return 1.0f - sum;
}

__attribute__((target("avx512f"))) float dot_distance_avx512(const void* a, const void* b,
                                                             const void* param) {
  const auto* x = static_cast<const float*>(a);
  const auto* y = static_cast<const float*>(b);
  const std::size_t n = *static_cast<const std::size_t*>(param);
  __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    s0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i), _mm512_loadu_ps(y + i), s0);
    s1 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 16), _mm512_loadu_ps(y + i + 16), s1);
  }
  for (; i + 16 <= n; i += 16)
    s0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i), _mm512_loadu_ps(y + i), s0);
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, _mm512_add_ps(s0, s1));
  float sum = 0.0f;
  for (float v : lanes) sum += v;
  for (; i < n; ++i) sum += x[i] * y[i];
  return 1.0f - sum;
}
#endif

hnswlib::DISTFUNC<float> pick_dot_distance() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return dot_distance_avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return dot_distance_avx2;
#endif
  return dot_distance_scalar;
}

class dot_space final : public hnswlib::SpaceInterface<float> {
 public:
  explicit dot_space(std::size_t dimension)
      : dimension_(dimension), distance_(pick_dot_distance()) {}
  std::size_t get_data_size() override { return dimension_ * sizeof(float); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return distance_; }
  void* get_dist_func_param() override { return &dimension_; }

 private:
  std::size_t dimension_;
  hnswlib::DISTFUNC<float> distance_;
};

std::vector<std::byte> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const auto text = s.str();
  const auto* p = reinterpret_cast<const std::byte*>(text.data());
  return {p, p + text.size()};
}

}  // namespace

struct hnsw_index::graph {
  explicit graph(std::size_t dimension) : space(dimension) {}
  dot_space space;  // distance = 1 - dot, i.e. 1 - cosine on unit vectors
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
  std::size_t live = 0;

  bool is_live(vector_id id, hnswlib::tableint* internal = nullptr) const {
    auto it = hnsw->label_lookup_.find(id);
    if (it == hnsw->label_lookup_.end() || hnsw->isMarkedDeleted(it->second)) return false;
    if (internal != nullptr) *internal = it->second;
    return true;
  }
};

hnsw_index::hnsw_index(std::size_t dimension, hnsw_params params)
    : dimension_(dimension), params_(params), graph_(std::make_unique<graph>(dimension)) {
  if (dimension == 0) throw std::invalid_argument("hnsw_index: dimension must be positive");
  if (params_.m < 2) throw std::invalid_argument("hnsw_index: m must be at least 2");
  params_.initial_capacity = std::max<std::size_t>(params_.initial_capacity, 16);
  graph_->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(
      &graph_->space, params_.initial_capacity, params_.m, params_.ef_construction, params_.seed);
  graph_->hnsw->metric_distance_computations = 0;  // hnswlib leaves its counters uninitialised
  graph_->hnsw->metric_hops = 0;
}

hnsw_index::~hnsw_index() = default;

hnsw_params hnsw_index::params() const {
  std::shared_lock lock(mutex_);
  return params_;
}

void hnsw_index::set_ef_search(std::size_t ef) {
  std::unique_lock lock(mutex_);
  params_.ef_search = std::max<std::size_t>(1, ef);
}

std::size_t hnsw_index::size() const {
  std::shared_lock lock(mutex_);
  return graph_->live;
}

bool hnsw_index::contains(vector_id id) const {
  std::shared_lock lock(mutex_);
  return graph_->is_live(id);
}

bool hnsw_index::write(vector_id id, std::span<const float> v, write_mode mode) {
  index_file::check_vector(v, dimension_);
  std::vector<float> unit(dimension_);
  index_file::normalize_into(v, unit.data());

  std::unique_lock lock(mutex_);
  auto& h = *graph_->hnsw;
  if (graph_->is_live(id)) {
    if (mode == write_mode::add) return false;
    h.addPoint(unit.data(), id);  // existing label: hnswlib moves the point and relinks it
    return mode == write_mode::update;
  }
  if (mode == write_mode::update) return false;
  const bool tombstoned = h.label_lookup_.contains(id);
  if (!tombstoned && h.cur_element_count >= h.max_elements_) h.resizeIndex(h.max_elements_ * 2);
  h.addPoint(unit.data(), id);  // a tombstoned label is revived in place
  ++graph_->live;
  return true;
}

bool hnsw_index::remove(vector_id id) {
  std::unique_lock lock(mutex_);
  if (!graph_->is_live(id)) return false;
  graph_->hnsw->markDelete(id);
  --graph_->live;
  const std::size_t tombstones = graph_->hnsw->cur_element_count - graph_->live;
  if (tombstones > std::max<std::size_t>(1024, graph_->live)) compact();
  return true;
}

void hnsw_index::compact() {
  auto& old = *graph_->hnsw;
  auto fresh = std::make_unique<hnswlib::HierarchicalNSW<float>>(
      &graph_->space, std::max(params_.initial_capacity, graph_->live * 2), params_.m,
      params_.ef_construction, params_.seed);
  // Internal order is insertion order, so a rebuild is as reproducible as the original build.
  for (hnswlib::tableint i = 0; i < old.cur_element_count; ++i) {
    if (!old.isMarkedDeleted(i))
      fresh->addPoint(old.getDataByInternalId(i), old.getExternalLabel(i));
  }
  graph_->hnsw = std::move(fresh);
}

std::vector<search_hit> hnsw_index::scan(const float* query, std::size_t k,
                                         const id_filter& filter) const {
  const auto& h = *graph_->hnsw;
  const auto dist = graph_->space.get_dist_func();
  void* param = graph_->space.get_dist_func_param();
  std::vector<search_hit> hits;
  for (hnswlib::tableint i = 0; i < h.cur_element_count; ++i) {
    if (h.isMarkedDeleted(i)) continue;
    const vector_id id = h.getExternalLabel(i);
    if (filter && !filter(id)) continue;
    hits.push_back({id, 1.0f - dist(query, h.getDataByInternalId(i), param)});
  }
  index_file::finish_hits(hits, k);
  return hits;
}

std::vector<search_hit> hnsw_index::search(std::span<const float> query, std::size_t k,
                                           const id_filter& filter) const {
  index_file::check_vector(query, dimension_);
  std::vector<float> q(dimension_);
  index_file::normalize_into(query, q.data());

  std::shared_lock lock(mutex_);
  const std::size_t live = graph_->live;
  if (k == 0 || live == 0) return {};
  const auto& h = *graph_->hnsw;
  // hnswlib searches with ef = max(ef_, k): asking for more results widens the search
  // without touching shared state, so concurrent searches stay safe.
  std::size_t want = std::max(k, params_.ef_search);
  for (;;) {
    // Once the candidate list nears a quarter of the collection, a scan is cheaper
    // than the graph walk (and exact).
    if (want * 4 > live) return scan(q.data(), k, filter);
    auto found = h.searchKnn(q.data(), want);
    const std::size_t returned = found.size();
    std::vector<search_hit> hits;
    hits.reserve(found.size());
    while (!found.empty()) {
      const auto [d, id] = found.top();
      found.pop();
      if (!filter || filter(id)) hits.push_back({id, 1.0f - d});
    }
    if (hits.size() >= k || returned >= live) {
      index_file::finish_hits(hits, k);
      return hits;
    }
    if (!filter) return scan(q.data(), k, filter);  // graph cut off by tombstones: rare
    want *= 4;
  }
}

bool hnsw_index::save(const std::filesystem::path& path, std::string* error) const {
  index_file::writer w;
  try {
    std::shared_lock lock(mutex_);
    temp_file tmp;
    graph_->hnsw->saveIndex(tmp.path().string());
    w.put<std::uint64_t>(params_.m);
    w.put<std::uint64_t>(params_.ef_construction);
    w.put<std::uint64_t>(params_.ef_search);
    w.put<std::uint64_t>(params_.seed);
    w.put<std::uint64_t>(params_.initial_capacity);
    w.put<std::uint64_t>(graph_->live);
    const auto blob = read_all(tmp.path());
    w.put<std::uint64_t>(blob.size());
    w.put_bytes(blob);
  } catch (const std::exception& e) {
    if (error != nullptr) *error = e.what();
    return false;
  }
  const std::span<const std::byte> payload[] = {w.bytes()};
  return index_file::write(path, index_kind::hnsw, dimension_, payload, error);
}

std::unique_ptr<hnsw_index> hnsw_index::load(const std::filesystem::path& path) {
  auto c = index_file::read(path);
  if (c.kind != index_kind::hnsw) throw model_error(path.string() + ": not an HNSW index");
  return from_file(path, std::move(c));
}

std::unique_ptr<hnsw_index> hnsw_index::from_file(const std::filesystem::path& path,
                                                  index_file::contents c) {
  index_file::reader r(c.payload, path.string());
  hnsw_params p;
  p.m = r.get<std::uint64_t>();
  p.ef_construction = r.get<std::uint64_t>();
  p.ef_search = r.get<std::uint64_t>();
  p.seed = r.get<std::uint64_t>();
  p.initial_capacity = r.get<std::uint64_t>();
  const auto live = r.get<std::uint64_t>();
  const auto blob_size = r.get<std::uint64_t>();
  const auto blob = r.take(blob_size);
  if (!r.at_end()) r.fail("trailing bytes after the HNSW graph");
  if (p.m < 2 || p.m > 10000) r.fail("implausible HNSW parameter m");

  auto index = std::make_unique<hnsw_index>(c.dimension, p);
  try {
    temp_file tmp;
    {
      std::ofstream out(tmp.path(), std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(blob.data()),
                static_cast<std::streamsize>(blob.size()));
      if (!out.flush()) r.fail("cannot stage the HNSW graph in " + tmp.path().string());
    }
    index->graph_->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(&index->graph_->space,
                                                                            tmp.path().string());
  } catch (const model_error&) {
    throw;
  } catch (const std::exception& e) {
    r.fail(std::string("unreadable HNSW graph: ") + e.what());
  }
  auto& h = *index->graph_->hnsw;
  // hnswlib 0.6's loading constructor leaves num_deleted_ uninitialised before
  // counting tombstones into it: count them again.
  h.num_deleted_ = 0;
  for (hnswlib::tableint i = 0; i < h.cur_element_count; ++i)
    h.num_deleted_ += h.isMarkedDeleted(i) ? 1u : 0u;
  h.metric_distance_computations = 0;
  h.metric_hops = 0;
  const std::size_t expected_row =
      h.size_links_level0_ + c.dimension * sizeof(float) + sizeof(hnswlib::labeltype);
  if (h.size_data_per_element_ != expected_row || h.cur_element_count - h.num_deleted_ != live) {
    r.fail("HNSW graph does not match the header (dimension or count)");
  }
  // Further inserts draw levels from a stream that depends only on the file.
  h.level_generator_.seed(p.seed + h.cur_element_count);
  index->graph_->live = live;
  return index;
}

}  // namespace kinora::ai
