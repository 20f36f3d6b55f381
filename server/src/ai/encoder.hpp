#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "ai/matrix.hpp"

namespace kinora::ai {

struct encoder_options {
  std::size_t threads = 0;      // total threads per encode call; 0 = hardware_concurrency
  std::size_t batch_size = 32;  // texts per forward pass (grouped by length)
  std::string model_id;         // empty: the model directory's name
};

// A text-embedding model. Implementations are immutable once loaded and safe to call
// from any number of threads at once.
class encoder {
 public:
  virtual ~encoder() = default;

  // Identifies the weights, so stored vectors of different models are never mixed.
  virtual const std::string& model_id() const noexcept = 0;
  virtual std::size_t dimension() const noexcept = 0;
  // One L2-normalised row of dimension() floats per text, in input order.
  virtual matrix encode(std::span<const std::string> texts) const = 0;
};

// Loads the model family that config.json names (only "bert" for now). Throws
// model_error naming the missing or inconsistent file/tensor.
std::unique_ptr<encoder> load_encoder(const std::filesystem::path& model_dir,
                                      const encoder_options& options = {});

}  // namespace kinora::ai
