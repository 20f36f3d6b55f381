#include "recommend/embedding_store.hpp"

#include <sodium.h>

#include <cstring>

namespace kinora::recommend {

namespace {

std::string encode(const std::vector<float>& v) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(v.data());
  const std::size_t size = v.size() * sizeof(float);
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::vector<float> decode(const std::string& text) {
  std::string bytes(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len % sizeof(float) != 0)
    return {};
  std::vector<float> v(len / sizeof(float));
  std::memcpy(v.data(), bytes.data(), len);
  return v;
}

}  // namespace

namespace embedding_store {

std::vector<stored_embedding> load(connection& c, const std::string& model_id) {
  const auto rs = c.query(
      "SELECT title_id, text_hash, vector FROM title_embeddings WHERE model_id = $1", {model_id});
  std::vector<stored_embedding> out;
  out.reserve(rs.size());
  for (const auto& r : rs) {
    auto v = decode(r.text(2));
    if (!v.empty()) out.push_back({r.i64(0), r.text(1), std::move(v)});
  }
  return out;
}

void save(connection& c, const std::string& model_id, const stored_embedding& e, std::int64_t now) {
  c.query(
      "INSERT INTO title_embeddings (title_id, model_id, text_hash, vector, updated_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (title_id) DO UPDATE SET "
      "model_id = excluded.model_id, text_hash = excluded.text_hash, vector = excluded.vector, "
      "updated_at = excluded.updated_at",
      {e.title_id, model_id, e.text_hash, encode(e.vector), now});
}

void confirm_current(connection& c, const std::string& model_id, std::int64_t now) {
  c.query(
      "UPDATE title_embeddings SET updated_at = $1 WHERE model_id = $2 AND updated_at < "
      "(SELECT t.updated_at FROM titles t WHERE t.id = title_embeddings.title_id)",
      {now, model_id});
}

}  // namespace embedding_store

}  // namespace kinora::recommend
