#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ai/bert_config.hpp"
#include "ai/encoder.hpp"
#include "ai/safetensors.hpp"
#include "ai/thread_pool.hpp"
#include "ai/wordpiece_tokenizer.hpp"

namespace kinora::ai {

// sentence-transformers BERT pipeline (all-MiniLM-L6-v2 and its kin) in fp32:
// WordPiece -> BERT encoder -> mean pooling over real tokens -> L2 normalisation.
//
// Texts are sorted by length and cut into batches; a batch is packed without padding
// rows, and attention runs per sequence over that sequence's own tokens, which is
// exactly what the padding mask achieves in a padded batch, minus the wasted work.
// The dense layers' products run on weights packed once at load (dense_kernels.hpp),
// attention's on OpenBLAS with one BLAS thread; parallelism is ours: across sequences
// for large batches, across output columns and heads for small ones.
class bert_encoder final : public encoder {
 public:
  // Throws model_error naming the missing file, missing tensor, wrong dtype or shape.
  explicit bert_encoder(const std::filesystem::path& model_dir,
                        const encoder_options& options = {});
  ~bert_encoder() override;

  const std::string& model_id() const noexcept override { return model_id_; }
  std::size_t dimension() const noexcept override { return config_.hidden_size; }
  matrix encode(std::span<const std::string> texts) const override;

  // Same as encode() for already tokenised texts ([CLS] ... [SEP], within max length).
  matrix encode_ids(std::span<const std::vector<std::int32_t>> ids) const;

  const wordpiece_tokenizer& tokenizer() const noexcept { return tokenizer_; }
  const bert_config& config() const noexcept { return config_; }
  std::size_t threads() const noexcept { return pool_.size(); }

 private:
  struct weights;
  struct sequence_group;

  void forward(const sequence_group& group, thread_pool* pool, matrix& out) const;

  bert_config config_;
  wordpiece_tokenizer tokenizer_;
  safetensors_file file_;
  std::unique_ptr<weights> weights_;
  std::string model_id_;
  std::size_t batch_size_;
  mutable thread_pool pool_;
};

}  // namespace kinora::ai
