#include "recommend/saved_index.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/files.hpp"
#include "recommend/title_text.hpp"

namespace kinora::recommend::saved_index {

namespace {

std::filesystem::path fingerprint_file(const std::filesystem::path& file) {
  return file.string() + ".fingerprint";
}

}  // namespace

std::string fingerprint(const std::string& model_id,
                        std::vector<std::pair<std::int64_t, std::string>> title_hashes) {
  std::sort(title_hashes.begin(), title_hashes.end());
  std::string text = "model " + model_id + "\n";
  for (const auto& [id, hash] : title_hashes) text += std::to_string(id) + " " + hash + "\n";
  return text_hash(text);
}

std::unique_ptr<ai::exact_index> load(const std::filesystem::path& file,
                                      const std::string& fingerprint) {
  std::string saved = files::read(fingerprint_file(file));
  while (!saved.empty() && (saved.back() == '\n' || saved.back() == '\r')) saved.pop_back();
  if (saved.empty() || saved != fingerprint || !std::filesystem::exists(file)) return nullptr;
  return ai::exact_index::load(file);
}

void save(const ai::vector_index& index, const std::filesystem::path& file,
          const std::string& fingerprint) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::filesystem::remove(fingerprint_file(file));
  std::string error;
  if (!index.save(file, &error)) throw std::runtime_error(error);
  files::write_atomically(fingerprint_file(file), fingerprint + "\n");
}

}  // namespace kinora::recommend::saved_index
