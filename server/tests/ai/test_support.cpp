#include "test_support.hpp"

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ai/model_locator.hpp"

#include <unistd.h>
#include <atomic>
#include <boost/json.hpp>
#include <cstring>
#include <random>

namespace kinora::ai::test {

std::filesystem::path shared_models_dir() {
  if (const char* env = std::getenv("KINORA_SHARED_MODELS"); env != nullptr && *env != '\0')
    return env;
  return KINORA_SHARED_MODELS_DIR;
}

std::filesystem::path trained_model_dir() {
  return resolve_model_dir(std::nullopt);
}

bool in_ci() {
  const char* env = std::getenv("CI");
  if (env == nullptr) return false;
  const std::string v(env);
  return v == "true" || v == "TRUE" || v == "True" || v == "1";
}

boost::json::value read_json(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

temp_dir::temp_dir(const std::string& name) {
  static std::atomic<int> counter{0};
  path_ =
      std::filesystem::path(::testing::TempDir()) /
      ("kinora-ai-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

fake_tensor f32_tensor(std::string name, std::vector<std::int64_t> shape,
                       const std::vector<float>& values) {
  fake_tensor t{std::move(name), "F32", std::move(shape), {}};
  const auto* p = reinterpret_cast<const std::byte*>(values.data());
  t.data.assign(p, p + values.size() * sizeof(float));
  return t;
}

void write_safetensors(const std::filesystem::path& path, const std::vector<fake_tensor>& tensors) {
  boost::json::object header;
  header["__metadata__"] = boost::json::object{{"format", "pt"}};
  std::uint64_t offset = 0;
  for (const auto& t : tensors) {
    boost::json::array shape;
    for (auto d : t.shape) shape.push_back(d);
    header[t.name] =
        boost::json::object{{"dtype", t.dtype},
                            {"shape", shape},
                            {"data_offsets", boost::json::array{offset, offset + t.data.size()}}};
    offset += t.data.size();
  }
  std::string text = boost::json::serialize(header);
  while (text.size() % 8 != 0) text += ' ';
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const std::uint64_t len = text.size();
  for (int i = 0; i < 8; ++i) out.put(static_cast<char>((len >> (8 * i)) & 0xFF));
  out << text;
  for (const auto& t : tensors)
    out.write(reinterpret_cast<const char*>(t.data.data()),
              static_cast<std::streamsize>(t.data.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void tiny_bert::write(const std::filesystem::path& dir, const std::string& skip_tensor,
                      const std::string& f16_tensor, const std::string& reshape_tensor) {
  vocab = {"[PAD]",  "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",  "the",   "a",
           "movie",  "film",      "space", "heist", "crew",  "love",    "story", "dark",
           "comedy", "##s",       "##ing", "##ed",  "play",  "fly",     "fox",   "cafe",
           "over",   "night",     ".",     ",",     "!",     "-",       ":",     "(",
           ")",      "1",         "2",     "##0",   "un",    "##known", "x",     "##y"};
  std::string vocab_text;
  for (const auto& v : vocab) vocab_text += v + "\n";
  write_text(dir / "vocab.txt", vocab_text);
  write_text(dir / "config.json",
             "{\"model_type\": \"bert\", \"hidden_act\": \"gelu\", \"hidden_size\": " +
                 std::to_string(hidden) + ", \"num_hidden_layers\": " + std::to_string(layers) +
                 ", \"num_attention_heads\": " + std::to_string(heads) +
                 ", \"intermediate_size\": " + std::to_string(intermediate) +
                 ", \"max_position_embeddings\": " + std::to_string(max_positions) +
                 ", \"type_vocab_size\": 2, \"vocab_size\": " + std::to_string(vocab.size()) +
                 ", \"layer_norm_eps\": 1e-12, \"position_embedding_type\": \"absolute\"}");
  write_text(dir / "tokenizer_config.json",
             "{\"do_lower_case\": true, \"tokenize_chinese_chars\": true, \"strip_accents\": null, "
             "\"tokenizer_class\": \"BertTokenizer\"}");
  write_text(
      dir / "sentence_bert_config.json",
      "{\"max_seq_length\": " + std::to_string(max_seq_length) + ", \"do_lower_case\": false}");
  write_text(
      dir / "1_Pooling" / "config.json",
      "{\"word_embedding_dimension\": " + std::to_string(hidden) +
          ", \"pooling_mode_cls_token\": false, \"pooling_mode_mean_tokens\": true, "
          "\"pooling_mode_max_tokens\": false, \"pooling_mode_mean_sqrt_len_tokens\": false}");

  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dense(-0.35f, 0.35f);
  const auto H = static_cast<std::int64_t>(hidden), I = static_cast<std::int64_t>(intermediate);
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> spec = {
      {"embeddings.word_embeddings.weight", {static_cast<std::int64_t>(vocab.size()), H}},
      {"embeddings.position_embeddings.weight", {static_cast<std::int64_t>(max_positions), H}},
      {"embeddings.token_type_embeddings.weight", {2, H}},
      {"embeddings.LayerNorm.weight", {H}},
      {"embeddings.LayerNorm.bias", {H}}};
  for (std::size_t l = 0; l < layers; ++l) {
    const std::string p = "encoder.layer." + std::to_string(l) + ".";
    for (const char* k : {"query", "key", "value"}) {
      spec.push_back({p + "attention.self." + k + ".weight", {H, H}});
      spec.push_back({p + "attention.self." + k + ".bias", {H}});
    }
    spec.push_back({p + "attention.output.dense.weight", {H, H}});
    spec.push_back({p + "attention.output.dense.bias", {H}});
    spec.push_back({p + "attention.output.LayerNorm.weight", {H}});
    spec.push_back({p + "attention.output.LayerNorm.bias", {H}});
    spec.push_back({p + "intermediate.dense.weight", {I, H}});
    spec.push_back({p + "intermediate.dense.bias", {I}});
    spec.push_back({p + "output.dense.weight", {H, I}});
    spec.push_back({p + "output.dense.bias", {H}});
    spec.push_back({p + "output.LayerNorm.weight", {H}});
    spec.push_back({p + "output.LayerNorm.bias", {H}});
  }
  std::vector<fake_tensor> tensors;
  std::vector<std::int64_t> positions(static_cast<std::size_t>(max_positions));
  for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = static_cast<std::int64_t>(i);
  fake_tensor pos_ids{
      prefix + "embeddings.position_ids", "I64", {1, static_cast<std::int64_t>(max_positions)}, {}};
  pos_ids.data.resize(positions.size() * 8);
  std::memcpy(pos_ids.data.data(), positions.data(), pos_ids.data.size());
  tensors.push_back(std::move(pos_ids));
  for (auto& [name, shape] : spec) {
    std::size_t n = 1;
    for (auto d : shape) n *= static_cast<std::size_t>(d);
    std::vector<float> v(n);
    const bool ln_weight = name.ends_with("LayerNorm.weight");
    for (auto& x : v) x = ln_weight ? 1.0f + 0.2f * dense(rng) : dense(rng);
    weights[name] = v;
    if (name == skip_tensor) continue;
    if (name == reshape_tensor) shape.push_back(1);
    auto t = f32_tensor(prefix + name, shape, v);
    if (name == f16_tensor) {
      t.dtype = "F16";
      t.data.resize(t.data.size() / 2);
    }
    tensors.push_back(std::move(t));
  }
  write_safetensors(dir / "model.safetensors", tensors);
}

}  // namespace kinora::ai::test
