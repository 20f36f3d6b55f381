#include "ai/encoder.hpp"

#include "ai/bert_encoder.hpp"
#include "ai/json_file.hpp"
#include "ai/model_checksums.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

std::unique_ptr<encoder> load_encoder(const std::filesystem::path& model_dir,
                                      const encoder_options& options) {
  if (!std::filesystem::is_directory(model_dir)) {
    throw model_error("model directory " + model_dir.string() + " does not exist");
  }
  verify_checksums(model_dir);
  const json_file config(model_dir / "config.json");
  const auto type = config.find_string("model_type").value_or("bert");
  if (type == "bert") return std::make_unique<bert_encoder>(model_dir, options);
  throw model_error(config.path().string() + ": no encoder for model_type \"" + type + "\"");
}

}  // namespace kinora::ai
