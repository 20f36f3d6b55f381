#include "ai/bert_config.hpp"

#include <algorithm>

#include "ai/json_file.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

std::size_t positive(const json_file& f, const char* key) {
  const auto v = f.get_int(key);
  if (v <= 0) throw model_error(f.path().string() + ": \"" + key + "\" must be positive");
  return static_cast<std::size_t>(v);
}

}  // namespace

bert_config bert_config::load(const std::filesystem::path& dir) {
  const json_file config(dir / "config.json");
  const std::string where = config.path().string();
  if (auto type = config.find_string("model_type"); type && *type != "bert") {
    throw model_error(where + ": model_type \"" + *type +
                      "\" is not supported (expected \"bert\")");
  }
  if (auto act = config.find_string("hidden_act"); act && *act != "gelu") {
    throw model_error(where + ": hidden_act \"" + *act + "\" is not supported (expected \"gelu\")");
  }
  if (auto pos = config.find_string("position_embedding_type"); pos && *pos != "absolute") {
    throw model_error(where + ": position_embedding_type \"" + *pos + "\" is not supported");
  }

  bert_config c;
  c.vocab_size = positive(config, "vocab_size");
  c.hidden_size = positive(config, "hidden_size");
  c.num_layers = positive(config, "num_hidden_layers");
  c.num_heads = positive(config, "num_attention_heads");
  c.intermediate_size = positive(config, "intermediate_size");
  c.max_position_embeddings = positive(config, "max_position_embeddings");
  c.type_vocab_size = positive(config, "type_vocab_size");
  c.layer_norm_eps = static_cast<float>(config.find_double("layer_norm_eps").value_or(1e-12));
  if (c.hidden_size % c.num_heads != 0) {
    throw model_error(where + ": hidden_size " + std::to_string(c.hidden_size) +
                      " is not a multiple of num_attention_heads " + std::to_string(c.num_heads));
  }

  const json_file st(dir / "sentence_bert_config.json");
  const auto max_seq = st.find_int("max_seq_length");
  c.max_seq_length = max_seq ? static_cast<std::size_t>(std::max<std::int64_t>(*max_seq, 2))
                             : c.max_position_embeddings;
  c.max_seq_length = std::min(c.max_seq_length, c.max_position_embeddings);

  const json_file pooling(dir / "1_Pooling" / "config.json");
  const auto dim = pooling.find_int("word_embedding_dimension");
  if (dim && static_cast<std::size_t>(*dim) != c.hidden_size) {
    throw model_error(pooling.path().string() + ": word_embedding_dimension " +
                      std::to_string(*dim) + " does not match hidden_size " +
                      std::to_string(c.hidden_size) + " of config.json");
  }
  if (!pooling.find_bool("pooling_mode_mean_tokens").value_or(false)) {
    throw model_error(pooling.path().string() + ": only pooling_mode_mean_tokens is supported");
  }
  for (const char* other :
       {"pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
        "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken"}) {
    if (pooling.find_bool(other).value_or(false)) {
      throw model_error(pooling.path().string() + ": " + other +
                        " is not supported (mean pooling only)");
    }
  }
  return c;
}

}  // namespace kinora::ai
