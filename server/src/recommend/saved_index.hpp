#pragma once
// The title index saved next to the data, so a restart can skip reading and decoding
// every stored vector. A fingerprint file beside it names what the index was built
// from (the model and every title's id and text hash); the index is used only when
// that still matches the catalog.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ai/exact_index.hpp"

namespace kinora::recommend::saved_index {

// Hex SHA-256 over the model id and the (title id, text hash) pairs in id order.
std::string fingerprint(const std::string& model_id,
                        std::vector<std::pair<std::int64_t, std::string>> title_hashes);

// The index saved with exactly this fingerprint, or null when there is none or it was
// built from something else. Throws (model_error, std::exception) on a corrupt file.
std::unique_ptr<ai::exact_index> load(const std::filesystem::path& file,
                                      const std::string& fingerprint);

// Writes the index, then its fingerprint: a crash in between leaves no fingerprint, so
// a half-saved index is never taken for a current one. Throws on failure.
void save(const ai::vector_index& index, const std::filesystem::path& file,
          const std::string& fingerprint);

}  // namespace kinora::recommend::saved_index
