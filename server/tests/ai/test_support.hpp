#pragma once

#include <gtest/gtest.h>
#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kinora::ai::test {

// ../shared/models beside the repository, or env KINORA_SHARED_MODELS.
std::filesystem::path shared_models_dir();
// The trained all-MiniLM-L6-v2 directory: env KINORA_MODEL_DIR, else the cache dir
// scripts/fetch-model.sh fills (same resolution as the server's).
std::filesystem::path trained_model_dir();
// CI=true (or 1): missing models are a failure there, a skip on a developer machine.
bool in_ci();
boost::json::value read_json(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

// A fresh directory under gtest's temp dir, removed when the object goes away.
class temp_dir {
 public:
  explicit temp_dir(const std::string& name);
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

struct fake_tensor {
  std::string name;
  std::string dtype;
  std::vector<std::int64_t> shape;
  std::vector<std::byte> data;
};
fake_tensor f32_tensor(std::string name, std::vector<std::int64_t> shape,
                       const std::vector<float>& values);
// Writes the safetensors layout: u64 header length, JSON header padded to 8, tensors.
void write_safetensors(const std::filesystem::path& path, const std::vector<fake_tensor>& tensors);

// A small BERT in the sentence-transformers layout, with its own 40-token vocab and
// deterministic random weights; `weights` keeps the values (names without prefix).
struct tiny_bert {
  std::size_t hidden = 16, layers = 2, heads = 4, intermediate = 32, max_positions = 64;
  std::size_t max_seq_length = 32;
  std::string prefix;  // e.g. "bert." to test prefixed tensor names
  std::map<std::string, std::vector<float>> weights;
  std::vector<std::string> vocab;

  // Writes every file. The optional names break one tensor each: left out, written
  // as F16, or given an extra trailing dimension of 1.
  void write(const std::filesystem::path& dir, const std::string& skip_tensor = "",
             const std::string& f16_tensor = "", const std::string& reshape_tensor = "");
};

}  // namespace kinora::ai::test

// Skips the test locally, fails it in CI, when `path` does not exist.
#define KINORA_REQUIRE_PATH(path, what)                                                        \
  do {                                                                                         \
    if (!std::filesystem::exists(path)) {                                                      \
      if (::kinora::ai::test::in_ci()) {                                                       \
        FAIL() << (what) << " not found at " << (path).string() << " (required when CI=true)"; \
      } else {                                                                                 \
        GTEST_SKIP() << (what) << " not found at " << (path).string();                         \
      }                                                                                        \
    }                                                                                          \
  } while (false)
