#include <gtest/gtest.h>
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <thread>

#include "ai/bert_encoder.hpp"
#include "ai/encoder.hpp"
#include "ai/model_error.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

using test::tiny_bert;

double cosine(std::span<const float> a, std::span<const float> b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  return dot / std::sqrt(na * nb);
}

float max_abs_diff(std::span<const float> a, std::span<const float> b) {
  float m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

// Textbook BERT in double precision on a *padded* batch with an additive attention
// mask, as Hugging Face runs it: the packed, mask-free encoder must agree with it.
std::vector<std::vector<double>> reference_forward(
    const tiny_bert& m, const std::vector<std::vector<std::int32_t>>& batch) {
  const std::size_t H = m.hidden, I = m.intermediate, nh = m.heads, hd = H / nh;
  std::size_t L = 0;
  for (const auto& s : batch) L = std::max(L, s.size());
  auto W = [&](const std::string& n) -> const std::vector<float>& { return m.weights.at(n); };
  auto layer_norm = [&](std::vector<double>& x, const std::vector<float>& g,
                        const std::vector<float>& b) {
    double mean = 0, var = 0;
    for (auto v : x) mean += v;
    mean /= static_cast<double>(H);
    for (auto v : x) var += (v - mean) * (v - mean);
    var /= static_cast<double>(H);
    for (std::size_t i = 0; i < H; ++i) x[i] = (x[i] - mean) / std::sqrt(var + 1e-12) * g[i] + b[i];
  };
  auto dense = [](const std::vector<double>& x, const std::vector<float>& w,
                  const std::vector<float>& b, std::size_t out) {
    std::vector<double> y(out);
    for (std::size_t o = 0; o < out; ++o) {
      double s = b[o];
      for (std::size_t i = 0; i < x.size(); ++i) s += x[i] * w[o * x.size() + i];
      y[o] = s;
    }
    return y;
  };
  std::vector<std::vector<double>> result;
  for (const auto& seq : batch) {
    std::vector<std::int32_t> ids = seq;
    std::vector<int> mask(L, 0);
    for (std::size_t t = 0; t < seq.size(); ++t) mask[t] = 1;
    ids.resize(L, 0);  // [PAD]
    std::vector<std::vector<double>> h(L, std::vector<double>(H));
    for (std::size_t t = 0; t < L; ++t) {
      for (std::size_t i = 0; i < H; ++i) {
        h[t][i] = W("embeddings.word_embeddings.weight")[static_cast<std::size_t>(ids[t]) * H + i] +
                  W("embeddings.position_embeddings.weight")[t * H + i] +
                  W("embeddings.token_type_embeddings.weight")[i];
      }
      layer_norm(h[t], W("embeddings.LayerNorm.weight"), W("embeddings.LayerNorm.bias"));
    }
    for (std::size_t l = 0; l < m.layers; ++l) {
      const std::string p = "encoder.layer." + std::to_string(l) + ".";
      std::vector<std::vector<double>> q(L), k(L), v(L), ctx(L, std::vector<double>(H));
      for (std::size_t t = 0; t < L; ++t) {
        q[t] = dense(h[t], W(p + "attention.self.query.weight"), W(p + "attention.self.query.bias"),
                     H);
        k[t] = dense(h[t], W(p + "attention.self.key.weight"), W(p + "attention.self.key.bias"), H);
        v[t] = dense(h[t], W(p + "attention.self.value.weight"), W(p + "attention.self.value.bias"),
                     H);
      }
      for (std::size_t head = 0; head < nh; ++head) {
        for (std::size_t t = 0; t < L; ++t) {
          std::vector<double> s(L);
          double mx = -1e300;
          for (std::size_t u = 0; u < L; ++u) {
            double d = 0;
            for (std::size_t j = 0; j < hd; ++j) d += q[t][head * hd + j] * k[u][head * hd + j];
            s[u] = d / std::sqrt(static_cast<double>(hd)) + (mask[u] ? 0.0 : -3.4e38);
            mx = std::max(mx, s[u]);
          }
          double sum = 0;
          for (auto& x : s) {
            x = std::exp(x - mx);
            sum += x;
          }
          for (std::size_t j = 0; j < hd; ++j) {
            double c = 0;
            for (std::size_t u = 0; u < L; ++u) c += s[u] / sum * v[u][head * hd + j];
            ctx[t][head * hd + j] = c;
          }
        }
      }
      for (std::size_t t = 0; t < L; ++t) {
        auto a = dense(ctx[t], W(p + "attention.output.dense.weight"),
                       W(p + "attention.output.dense.bias"), H);
        for (std::size_t i = 0; i < H; ++i) a[i] += h[t][i];
        layer_norm(a, W(p + "attention.output.LayerNorm.weight"),
                   W(p + "attention.output.LayerNorm.bias"));
        auto f = dense(a, W(p + "intermediate.dense.weight"), W(p + "intermediate.dense.bias"), I);
        for (auto& x : f) x = 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
        auto o = dense(f, W(p + "output.dense.weight"), W(p + "output.dense.bias"), H);
        for (std::size_t i = 0; i < H; ++i) o[i] += a[i];
        layer_norm(o, W(p + "output.LayerNorm.weight"), W(p + "output.LayerNorm.bias"));
        h[t] = o;
      }
    }
    std::vector<double> pooled(H, 0.0);
    for (std::size_t t = 0; t < seq.size(); ++t) {
      for (std::size_t i = 0; i < H; ++i) pooled[i] += h[t][i];
    }
    double norm = 0;
    for (auto& x : pooled) {
      x /= static_cast<double>(seq.size());
      norm += x * x;
    }
    for (auto& x : pooled) x /= std::sqrt(norm);
    result.push_back(pooled);
  }
  return result;
}

const std::vector<std::string> tiny_texts = {
    "The space heist movie!", "a dark comedy", "",
    "Fox flying over the night cafe, (2020) - un known",
    // 40 words: truncated to max_seq_length (32) tokens.
    "love story love story love story love story love story love story love story love story love "
    "story love story "
    "love story love story love story love story love story love story love story love story love "
    "story love story",
    "x", "the film: crew plays"};

TEST(BertEncoderTiny, MatchesPaddedMaskedReference) {
  test::temp_dir dir("tiny");
  tiny_bert m;
  m.write(dir.path());
  for (std::size_t threads : {1u, 2u, 3u}) {
    encoder_options o;
    o.threads = threads;
    o.batch_size = 4;
    bert_encoder enc(dir.path(), o);
    const auto got = enc.encode(tiny_texts);
    std::vector<std::vector<std::int32_t>> ids;
    for (const auto& t : tiny_texts) ids.push_back(enc.tokenizer().encode(t));
    EXPECT_EQ(ids[4].size(), m.max_seq_length);  // truncated
    const auto want = reference_forward(m, ids);
    for (std::size_t i = 0; i < tiny_texts.size(); ++i) {
      for (std::size_t c = 0; c < m.hidden; ++c) {
        EXPECT_NEAR(got.row(i)[c], want[i][c], 2e-5)
            << "text " << i << " dim " << c << " threads " << threads;
      }
    }
  }
}

TEST(BertEncoderTiny, LargeCallsSplitAtTheTokenBudget) {
  test::temp_dir dir("budget");
  tiny_bert m;
  m.write(dir.path());
  // 300 texts of 32 tokens: 9,600 tokens, over the 8,192-token batch budget.
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    std::string t;
    for (int w = 0; w < 40; ++w) t += (w + i) % 3 == 0 ? "space heist " : "dark film ";
    texts.push_back(t);
  }
  texts.push_back("a fox");
  encoder_options big, small;
  big.batch_size = 1000;
  small.batch_size = 3;
  const auto a = bert_encoder(dir.path(), big).encode(texts);
  const auto b = bert_encoder(dir.path(), small).encode(texts);
  ASSERT_EQ(a.rows(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_LT(max_abs_diff(a.row(i), b.row(i)), 1e-5f);
}

TEST(BertEncoderTiny, AcceptsPrefixedTensorNames) {
  test::temp_dir plain("plain"), prefixed("prefixed");
  tiny_bert a, b;
  b.prefix = "bert.";
  a.write(plain.path());
  b.write(prefixed.path());
  bert_encoder ea(plain.path()), eb(prefixed.path());
  const auto x = ea.encode(tiny_texts), y = eb.encode(tiny_texts);
  for (std::size_t i = 0; i < tiny_texts.size(); ++i)
    EXPECT_EQ(max_abs_diff(x.row(i), y.row(i)), 0.0f);
}

TEST(BertEncoderTiny, ReportsModelIdAndDimension) {
  test::temp_dir dir("ids");
  tiny_bert m;
  m.write(dir.path());
  bert_encoder enc(dir.path());
  EXPECT_EQ(enc.dimension(), m.hidden);
  EXPECT_EQ(enc.model_id(), dir.path().filename().string());
  encoder_options o;
  o.model_id = "custom";
  EXPECT_EQ(load_encoder(dir.path(), o)->model_id(), "custom");
  EXPECT_EQ(enc.encode(std::vector<std::string>{}).rows(), 0u);
}

// Runs `load` and checks it throws model_error whose message contains every needle.
template <typename F>
void expect_model_error(F&& load, std::initializer_list<std::string> needles) {
  try {
    load();
    ADD_FAILURE() << "expected model_error";
  } catch (const model_error& e) {
    for (const auto& n : needles)
      EXPECT_NE(std::string(e.what()).find(n), std::string::npos) << e.what();
  }
}

TEST(BertEncoderLoad, MissingFilesAreNamed) {
  for (std::string file : {"config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors",
                           "sentence_bert_config.json", "1_Pooling/config.json"}) {
    test::temp_dir dir("missing");
    tiny_bert m;
    m.write(dir.path());
    std::filesystem::remove(dir.path() / file);
    expect_model_error([&] { bert_encoder enc(dir.path()); }, {file});
  }
  expect_model_error([&] { load_encoder("/nonexistent/kinora-model"); },
                     {"/nonexistent/kinora-model"});
}

TEST(BertEncoderLoad, MissingTensorIsNamed) {
  test::temp_dir dir("notensor");
  tiny_bert m;
  m.write(dir.path(), "encoder.layer.1.intermediate.dense.bias");
  expect_model_error([&] { bert_encoder enc(dir.path()); },
                     {"missing tensor encoder.layer.1.intermediate.dense.bias"});
}

TEST(BertEncoderLoad, WrongDtypeIsNamed) {
  test::temp_dir dir("dtype");
  tiny_bert m;
  m.write(dir.path(), "", "encoder.layer.0.attention.self.key.weight");
  expect_model_error([&] { bert_encoder enc(dir.path()); },
                     {"encoder.layer.0.attention.self.key.weight", "F16"});
}

TEST(BertEncoderLoad, WrongShapeIsNamed) {
  test::temp_dir dir("shape");
  tiny_bert m;
  m.write(dir.path(), "", "", "embeddings.position_embeddings.weight");
  expect_model_error([&] { bert_encoder enc(dir.path()); },
                     {"embeddings.position_embeddings.weight", "[64, 16, 1]", "[64, 16]"});
}

TEST(BertEncoderLoad, ConfigInconsistenciesAreNamed) {
  test::temp_dir dir("config");
  tiny_bert m;
  m.write(dir.path());
  test::write_text(dir.path() / "1_Pooling" / "config.json",
                   "{\"word_embedding_dimension\": 16, \"pooling_mode_cls_token\": true}");
  expect_model_error([&] { bert_encoder enc(dir.path()); },
                     {"1_Pooling", "pooling_mode_mean_tokens"});
  m.write(dir.path());
  test::write_text(dir.path() / "config.json", "{\"model_type\": \"bert\", \"hidden_size\": 16}");
  expect_model_error([&] { bert_encoder enc(dir.path()); }, {"config.json", "vocab_size"});
  test::write_text(dir.path() / "config.json", "{\"model_type\": \"t5\"}");
  expect_model_error([&] { load_encoder(dir.path()); }, {"config.json", "t5"});
  test::write_text(dir.path() / "config.json", "{not json");
  expect_model_error([&] { bert_encoder enc(dir.path()); }, {"config.json", "invalid JSON"});
}

// --- the real all-MiniLM-L6-v2 layout with synthetic weights ------------------------

struct golden_item {
  std::string text;
  std::vector<std::int32_t> ids;
  std::vector<float> embedding;
};

std::vector<golden_item> load_golden() {
  const auto root = test::read_json(test::shared_models_dir() / "golden" / "minilm_golden.json");
  std::vector<golden_item> items;
  for (const auto& v : root.at("items").as_array()) {
    golden_item g;
    g.text = std::string(v.at("text").as_string());
    for (const auto& id : v.at("input_ids").as_array())
      g.ids.push_back(static_cast<std::int32_t>(id.to_number<std::int64_t>()));
    for (const auto& x : v.at("embedding").as_array())
      g.embedding.push_back(static_cast<float>(x.to_number<double>()));
    items.push_back(std::move(g));
  }
  return items;
}

class SyntheticMiniLM : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = test::shared_models_dir() / "minilm-synthetic";
    if (!std::filesystem::exists(dir / "model.safetensors")) return;
    encoder_ = std::make_unique<bert_encoder>(dir);
    golden_ = load_golden();
  }
  static void TearDownTestSuite() { encoder_.reset(); }
  void SetUp() override {
    KINORA_REQUIRE_PATH(test::shared_models_dir() / "minilm-synthetic" / "model.safetensors",
                        "minilm-synthetic");
    KINORA_REQUIRE_PATH(test::shared_models_dir() / "golden" / "minilm_golden.json",
                        "golden embeddings");
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> t;
    for (const auto& g : golden_) t.push_back(g.text);
    return t;
  }
  static inline std::unique_ptr<bert_encoder> encoder_;
  static inline std::vector<golden_item> golden_;
};

TEST_F(SyntheticMiniLM, LoadsTheRealLayout) {
  EXPECT_EQ(encoder_->dimension(), 384u);
  EXPECT_EQ(encoder_->config().num_layers, 6u);
  EXPECT_EQ(encoder_->config().max_seq_length, 256u);
  EXPECT_EQ(encoder_->model_id(), "minilm-synthetic");
}

TEST_F(SyntheticMiniLM, EmbeddingsMatchSentenceTransformers) {
  const auto got = encoder_->encode(texts());
  double worst = 1.0;
  for (std::size_t i = 0; i < golden_.size(); ++i) {
    ASSERT_EQ(encoder_->tokenizer().encode(golden_[i].text), golden_[i].ids) << golden_[i].text;
    const double c = cosine(got.row(i), golden_[i].embedding);
    EXPECT_GE(c, 0.9999) << golden_[i].text;
    worst = std::min(worst, c);
  }
  RecordProperty("worst_cosine", std::to_string(worst));
  std::printf("worst cosine against sentence-transformers: %.8f over %zu texts\n", worst,
              golden_.size());
}

TEST_F(SyntheticMiniLM, BatchingDoesNotChangeResults) {
  const auto all = texts();
  const auto batched = encoder_->encode(all);
  for (std::size_t i = 0; i < all.size(); i += 7) {
    const auto alone = encoder_->encode(std::vector<std::string>{all[i]});
    EXPECT_LT(max_abs_diff(alone.row(0), batched.row(i)), 2e-6f) << all[i];
  }
}

TEST_F(SyntheticMiniLM, ThreadCountDoesNotChangeResults) {
  encoder_options o;
  o.threads = 1;
  bert_encoder single(test::shared_models_dir() / "minilm-synthetic", o);
  const auto all = texts();
  const auto a = single.encode(all), b = encoder_->encode(all);
  for (std::size_t i = 0; i < all.size(); ++i)
    EXPECT_LT(max_abs_diff(a.row(i), b.row(i)), 2e-6f) << all[i];
}

TEST_F(SyntheticMiniLM, ConcurrentCallersGetTheirOwnResults) {
  const auto all = texts();
  const auto expected = encoder_->encode(all);
  std::vector<std::thread> callers;
  std::atomic<int> mismatches{0};
  for (std::size_t c = 0; c < 4; ++c) {
    callers.emplace_back([&, c] {
      for (int round = 0; round < 2; ++round) {
        std::vector<std::string> mine;
        std::vector<std::size_t> rows;
        for (std::size_t i = c; i < all.size(); i += 4) {
          mine.push_back(all[i]);
          rows.push_back(i);
        }
        const auto got = encoder_->encode(mine);
        for (std::size_t k = 0; k < rows.size(); ++k) {
          if (max_abs_diff(got.row(k), expected.row(rows[k])) > 2e-6f) ++mismatches;
        }
      }
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace kinora::ai
