#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace kinora::ai {

// What a sentence-transformers BERT directory says about the network and the pipeline
// around it (config.json, sentence_bert_config.json, 1_Pooling/config.json).
struct bert_config {
  std::size_t vocab_size = 0;
  std::size_t hidden_size = 0;
  std::size_t num_layers = 0;
  std::size_t num_heads = 0;
  std::size_t intermediate_size = 0;
  std::size_t max_position_embeddings = 0;
  std::size_t type_vocab_size = 0;
  float layer_norm_eps = 1e-12f;
  std::size_t max_seq_length = 0;  // tokens per text, [CLS] and [SEP] included

  std::size_t head_size() const noexcept { return hidden_size / num_heads; }

  // Throws model_error naming the file and key for anything missing or unsupported
  // (only absolute positions, erf GELU and mean pooling are implemented).
  static bert_config load(const std::filesystem::path& model_dir);
};

}  // namespace kinora::ai
