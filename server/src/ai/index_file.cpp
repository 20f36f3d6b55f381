#include "ai/index_file.hpp"

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "ai/exact_index.hpp"
#include "ai/hnsw_index.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace index_file {

namespace {

constexpr char magic[8] = {'K', 'N', 'R', 'V', 'I', 'D', 'X', '\0'};
constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8 + 8;

constexpr std::uint64_t fnv1a_basis = 0xcbf29ce484222325ull;

// `h` carries the hash across parts: hashing a, then b, equals hashing a followed by b.
std::uint64_t fnv1a(std::span<const std::byte> data, std::uint64_t h = fnv1a_basis) {
  for (auto b : data) {
    h ^= static_cast<std::uint64_t>(b);
    h *= 0x100000001b3ull;
  }
  return h;
}

template <typename T>
void put(std::byte*& p, T v) {
  std::memcpy(p, &v, sizeof(T));
  p += sizeof(T);
}

template <typename T>
T get(const std::byte*& p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  p += sizeof(T);
  return v;
}

}  // namespace

contents read(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw model_error("cannot open index file " + where);
  std::byte header[header_size];
  if (!in.read(reinterpret_cast<char*>(header), header_size)) {
    throw model_error(where + ": truncated index header");
  }
  if (std::memcmp(header, magic, sizeof magic) != 0)
    throw model_error(where + ": not a Kinora vector index file");
  const std::byte* p = header + sizeof magic;
  const auto version = get<std::uint32_t>(p);
  if (version != format_version) {
    throw model_error(where + ": index format version " + std::to_string(version) +
                      " is not supported (expected " + std::to_string(format_version) + ")");
  }
  const auto kind = get<std::uint32_t>(p);
  if (kind != static_cast<std::uint32_t>(index_kind::exact) &&
      kind != static_cast<std::uint32_t>(index_kind::hnsw)) {
    throw model_error(where + ": unknown index kind " + std::to_string(kind));
  }
  const auto dimension = get<std::uint64_t>(p);
  const auto payload_size = get<std::uint64_t>(p);
  const auto checksum = get<std::uint64_t>(p);
  if (dimension == 0 || dimension > (1u << 16))
    throw model_error(where + ": implausible dimension " + std::to_string(dimension));

  std::error_code ec;
  const auto file_size = std::filesystem::file_size(path, ec);
  if (ec || file_size != header_size + payload_size) {
    throw model_error(where + ": truncated or oversized index file (payload of " +
                      std::to_string(payload_size) + " bytes expected)");
  }
  contents c{static_cast<index_kind>(kind), static_cast<std::size_t>(dimension), {}};
  c.payload.resize(payload_size);
  if (!in.read(reinterpret_cast<char*>(c.payload.data()),
               static_cast<std::streamsize>(payload_size))) {
    throw model_error(where + ": truncated index payload");
  }
  if (fnv1a(c.payload) != checksum)
    throw model_error(where + ": index checksum mismatch (corrupt file)");
  return c;
}

bool write(const std::filesystem::path& path, index_kind kind, std::size_t dimension,
           std::span<const std::span<const std::byte>> parts, std::string* error) {
  auto fail = [&](const std::string& what) {
    if (error != nullptr) *error = what;
    return false;
  };
  std::byte header[header_size];
  std::byte* p = header;
  std::memcpy(p, magic, sizeof magic);
  p += sizeof magic;
  put<std::uint32_t>(p, format_version);
  put<std::uint32_t>(p, static_cast<std::uint32_t>(kind));
  put<std::uint64_t>(p, dimension);
  std::uint64_t payload_size = 0;
  std::uint64_t checksum = fnv1a_basis;
  for (const auto part : parts) {
    payload_size += part.size();
    checksum = fnv1a(part, checksum);
  }
  put<std::uint64_t>(p, payload_size);
  put<std::uint64_t>(p, checksum);

  // Same directory as the target, so the rename is atomic and readers never see a
  // half-written index.
  auto tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail("cannot create " + tmp.string());
    out.write(reinterpret_cast<const char*>(header), header_size);
    for (const auto part : parts)
      out.write(reinterpret_cast<const char*>(part.data()),
                static_cast<std::streamsize>(part.size()));
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(tmp);
      return fail("cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return fail("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
  }
  return true;
}

std::span<const std::byte> reader::take(std::size_t n) {
  if (n > data_.size() - pos_) fail("truncated payload");
  auto s = data_.subspan(pos_, n);
  pos_ += n;
  return s;
}

void reader::fail(const std::string& what) const {
  throw model_error(origin_ + ": " + what);
}

void check_vector(std::span<const float> v, std::size_t dimension) {
  if (v.size() != dimension) {
    throw std::invalid_argument("vector of dimension " + std::to_string(v.size()) +
                                ", index expects " + std::to_string(dimension));
  }
  for (float x : v) {
    if (!std::isfinite(x)) throw std::invalid_argument("vector contains NaN or infinity");
  }
}

void normalize_into(std::span<const float> v, float* out) {
  double norm2 = 0.0;
  for (float x : v) norm2 += static_cast<double>(x) * x;
  // A zero vector stays zero: it scores 0 against everything rather than NaN.
  const float inv = norm2 > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] * inv;
}

void finish_hits(std::vector<search_hit>& hits, std::size_t k) {
  auto better = [](const search_hit& a, const search_hit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  if (hits.size() > k) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(k), hits.end(),
                      better);
    hits.resize(k);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
}

}  // namespace index_file

std::unique_ptr<vector_index> load_vector_index(const std::filesystem::path& path) {
  auto c = index_file::read(path);
  if (c.kind == index_kind::exact) return exact_index::from_file(path, std::move(c));
  return hnsw_index::from_file(path, std::move(c));
}

}  // namespace kinora::ai
