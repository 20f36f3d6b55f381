#include "ai/safetensors.hpp"

#include <boost/json.hpp>
#include <limits>

#include "ai/json_file.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

// Guards against a corrupt length field making us parse gigabytes as JSON.
constexpr std::uint64_t max_header_bytes = 100ull << 20;

std::uint64_t read_le_u64(const std::byte* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<std::uint64_t>(p[i]);
  return v;
}

bool to_u64(const boost::json::value& v, std::uint64_t& out) {
  if (v.is_uint64()) {
    out = v.get_uint64();
    return true;
  }
  if (v.is_int64() && v.get_int64() >= 0) {
    out = static_cast<std::uint64_t>(v.get_int64());
    return true;
  }
  return false;
}

}  // namespace

std::int64_t tensor_view::element_count() const noexcept {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

std::size_t safetensors_file::dtype_size(std::string_view dtype) noexcept {
  if (dtype == "F64" || dtype == "I64" || dtype == "U64") return 8;
  if (dtype == "F32" || dtype == "I32" || dtype == "U32") return 4;
  if (dtype == "F16" || dtype == "BF16" || dtype == "I16" || dtype == "U16") return 2;
  if (dtype == "I8" || dtype == "U8" || dtype == "BOOL" || dtype == "F8_E4M3" || dtype == "F8_E5M2")
    return 1;
  return 0;
}

safetensors_file::safetensors_file(const std::filesystem::path& path) : file_(path) {
  const std::string where = path.string();
  const auto all = file_.bytes();
  if (all.size() < 8) throw model_error(where + ": too short to be a safetensors file");
  const std::uint64_t header_len = read_le_u64(all.data());
  if (header_len > max_header_bytes || header_len > all.size() - 8) {
    throw model_error(where + ": header length " + std::to_string(header_len) +
                      " does not fit in a file of " + std::to_string(all.size()) + " bytes");
  }
  const std::string_view header_text(reinterpret_cast<const char*>(all.data() + 8), header_len);
  const auto root = parse_json(header_text, where + " (safetensors header)");
  if (!root.is_object()) throw model_error(where + ": safetensors header is not a JSON object");

  const auto data = all.subspan(8 + header_len);
  for (const auto& [key, value] : root.get_object()) {
    const std::string name(key);
    if (name == "__metadata__") {
      if (!value.is_object()) throw model_error(where + ": __metadata__ is not an object");
      for (const auto& [mk, mv] : value.get_object()) {
        if (mv.is_string()) metadata_[std::string(mk)] = std::string(mv.get_string());
      }
      continue;
    }
    const auto bad = [&](const std::string& what) {
      return model_error(where + ": tensor " + name + ": " + what);
    };
    if (!value.is_object()) throw bad("header entry is not an object");
    const auto& entry = value.get_object();
    const auto* dtype = entry.if_contains("dtype");
    const auto* shape = entry.if_contains("shape");
    const auto* offsets = entry.if_contains("data_offsets");
    if (dtype == nullptr || !dtype->is_string()) throw bad("missing dtype");
    if (shape == nullptr || !shape->is_array()) throw bad("missing shape");
    if (offsets == nullptr || !offsets->is_array() || offsets->get_array().size() != 2) {
      throw bad("missing data_offsets");
    }

    tensor_view t;
    t.name = name;
    t.dtype = std::string(dtype->get_string());
    std::uint64_t count = 1;
    for (const auto& d : shape->get_array()) {
      std::uint64_t dim = 0;
      if (!to_u64(d, dim) ||
          dim > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        throw bad("invalid shape");
      }
      if (dim != 0 && count > std::numeric_limits<std::uint64_t>::max() / dim)
        throw bad("shape overflows");
      count *= dim;
      t.shape.push_back(static_cast<std::int64_t>(dim));
    }
    std::uint64_t begin = 0, end = 0;
    if (!to_u64(offsets->get_array()[0], begin) || !to_u64(offsets->get_array()[1], end) ||
        begin > end) {
      throw bad("invalid data_offsets");
    }
    if (end > data.size()) {
      throw bad("data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                ") run past the end of the file (" + std::to_string(data.size()) + " data bytes)");
    }
    if (const auto es = dtype_size(t.dtype); es != 0 && count * es != end - begin) {
      throw bad(std::to_string(end - begin) + " bytes do not match " + t.dtype + " shape of " +
                std::to_string(count) + " elements");
    }
    t.bytes = data.subspan(begin, end - begin);
    by_name_.emplace(t.name, tensors_.size());
    tensors_.push_back(std::move(t));
  }
}

const tensor_view* safetensors_file::find(std::string_view name) const noexcept {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &tensors_[it->second];
}

}  // namespace kinora::ai
