#include "ai/bert_encoder.hpp"

#include <cblas.h>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "ai/bert_kernels.hpp"
#include "ai/dense_kernels.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

std::string shape_string(const std::vector<std::int64_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::size_t resolve_threads(std::size_t requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Relative cost of a sequence of n tokens: the dense layers grow with n, attention with
// n^2 (about 4*H*n flops per token against 2*(4H^2 + 2HI) for H=384, I=1536).
double sequence_cost(std::size_t n) {
  return static_cast<double>(n) * (1.0 + static_cast<double>(n) / 2300.0);
}

}  // namespace

struct bert_encoder::weights {
  struct layer {
    packed_weights qkv;  // query, key and value stacked: one product instead of three
    std::vector<float> qkv_b;
    packed_weights attn_out;
    const float* attn_out_b = nullptr;
    const float* attn_ln_g = nullptr;
    const float* attn_ln_b = nullptr;
    packed_weights inter;
    const float* inter_b = nullptr;
    packed_weights out;
    const float* out_b = nullptr;
    const float* out_ln_g = nullptr;
    const float* out_ln_b = nullptr;
  };
  const float* word = nullptr;
  const float* position = nullptr;
  const float* token_type = nullptr;
  const float* emb_ln_g = nullptr;
  const float* emb_ln_b = nullptr;
  std::vector<layer> layers;
  std::vector<std::vector<float>>
      owned;  // copies of tensors that are not float-aligned in the file
};

struct bert_encoder::sequence_group {
  std::vector<const std::vector<std::int32_t>*> sequences;
  std::vector<std::size_t> out_rows;
};

namespace {

// Resolves tensor names (with or without a prefix such as "bert.") and checks dtype
// and shape against config.json before handing out a pointer into the mapping.
class weight_loader {
 public:
  weight_loader(const safetensors_file& file, std::vector<std::vector<float>>& owned)
      : file_(file), owned_(owned) {
    const std::string anchor = "embeddings.word_embeddings.weight";
    if (file_.find(anchor) == nullptr) {
      for (const auto& t : file_.tensors()) {
        if (t.name.size() > anchor.size() && t.name.ends_with("." + anchor)) {
          prefix_ = t.name.substr(0, t.name.size() - anchor.size());
          break;
        }
      }
    }
  }

  const float* get(const std::string& name, const std::vector<std::int64_t>& shape) {
    const std::string full = prefix_ + name;
    const tensor_view* t = file_.find(full);
    const std::string where = file_.path().string();
    if (t == nullptr) throw model_error(where + ": missing tensor " + full);
    if (t->dtype != "F32") {
      throw model_error(where + ": tensor " + full + " has dtype " + t->dtype + ", expected F32");
    }
    if (t->shape != shape) {
      throw model_error(where + ": tensor " + full + " has shape " + shape_string(t->shape) +
                        ", expected " + shape_string(shape) + " from config.json");
    }
    const auto* p = t->bytes.data();
    if (reinterpret_cast<std::uintptr_t>(p) % alignof(float) == 0)
      return reinterpret_cast<const float*>(p);
    auto& copy = owned_.emplace_back(t->bytes.size() / sizeof(float));
    std::memcpy(copy.data(), p, t->bytes.size());
    return copy.data();
  }

  // The named [rows, cols] tensors stacked and packed for multiply_packed. Their file
  // pages then leave the resident set: from here on only the packed copy is read.
  packed_weights packed(const std::vector<std::string>& names, std::int64_t rows,
                        std::int64_t cols) {
    const std::size_t owned_before = owned_.size();
    std::vector<const float*> parts;
    parts.reserve(names.size());
    for (const auto& name : names) parts.push_back(get(name, {rows, cols}));
    packed_weights w(parts, static_cast<std::size_t>(rows), static_cast<std::size_t>(cols));
    for (const auto& name : names) file_.drop_pages(*file_.find(prefix_ + name));
    owned_.resize(owned_before);
    return w;
  }

 private:
  const safetensors_file& file_;
  std::vector<std::vector<float>>& owned_;
  std::string prefix_;
};

}  // namespace

bert_encoder::bert_encoder(const std::filesystem::path& dir, const encoder_options& options)
    : config_(bert_config::load(dir)),
      tokenizer_(wordpiece_tokenizer::from_model_dir(dir, config_.max_seq_length)),
      file_(dir / "model.safetensors"),
      weights_(std::make_unique<weights>()),
      model_id_(options.model_id.empty()
                    ? std::filesystem::absolute(dir).lexically_normal().filename().string()
                    : options.model_id),
      batch_size_(std::max<std::size_t>(1, options.batch_size)),
      pool_(resolve_threads(options.threads)) {
  if (model_id_.empty())
    model_id_ = std::filesystem::absolute(dir).lexically_normal().parent_path().filename().string();
  if (tokenizer_.vocab_size() != config_.vocab_size) {
    throw model_error(
        (dir / "vocab.txt").string() + " has " + std::to_string(tokenizer_.vocab_size()) +
        " tokens but config.json says vocab_size " + std::to_string(config_.vocab_size));
  }
  const auto H = static_cast<std::int64_t>(config_.hidden_size);
  const auto I = static_cast<std::int64_t>(config_.intermediate_size);
  weight_loader load(file_, weights_->owned);
  auto& w = *weights_;
  w.word = load.get("embeddings.word_embeddings.weight",
                    {static_cast<std::int64_t>(config_.vocab_size), H});
  w.position = load.get("embeddings.position_embeddings.weight",
                        {static_cast<std::int64_t>(config_.max_position_embeddings), H});
  w.token_type = load.get("embeddings.token_type_embeddings.weight",
                          {static_cast<std::int64_t>(config_.type_vocab_size), H});
  w.emb_ln_g = load.get("embeddings.LayerNorm.weight", {H});
  w.emb_ln_b = load.get("embeddings.LayerNorm.bias", {H});
  const std::size_t h = config_.hidden_size;
  for (std::size_t i = 0; i < config_.num_layers; ++i) {
    const std::string p = "encoder.layer." + std::to_string(i) + ".";
    weights::layer l;
    const std::string self = p + "attention.self.";
    l.qkv = load.packed({self + "query.weight", self + "key.weight", self + "value.weight"}, H, H);
    l.qkv_b.resize(3 * h);
    const char* parts[] = {"query", "key", "value"};
    for (std::size_t k = 0; k < 3; ++k)
      std::memcpy(l.qkv_b.data() + k * h, load.get(self + parts[k] + ".bias", {H}),
                  h * sizeof(float));
    l.attn_out = load.packed({p + "attention.output.dense.weight"}, H, H);
    l.attn_out_b = load.get(p + "attention.output.dense.bias", {H});
    l.attn_ln_g = load.get(p + "attention.output.LayerNorm.weight", {H});
    l.attn_ln_b = load.get(p + "attention.output.LayerNorm.bias", {H});
    l.inter = load.packed({p + "intermediate.dense.weight"}, I, H);
    l.inter_b = load.get(p + "intermediate.dense.bias", {I});
    l.out = load.packed({p + "output.dense.weight"}, H, I);
    l.out_b = load.get(p + "output.dense.bias", {H});
    l.out_ln_g = load.get(p + "output.LayerNorm.weight", {H});
    l.out_ln_b = load.get(p + "output.LayerNorm.bias", {H});
    w.layers.push_back(std::move(l));
  }
  // Our threads split the work; OpenBLAS threads (attention's products) on top would
  // oversubscribe the cores.
  // (Process-wide setting: OpenBLAS has no per-call thread count in this version.)
  openblas_set_num_threads(1);
}

bert_encoder::~bert_encoder() = default;

matrix bert_encoder::encode(std::span<const std::string> texts) const {
  std::vector<std::vector<std::int32_t>> ids(texts.size());
  const std::size_t chunks = std::min(pool_.size(), texts.size());
  pool_.parallel_for(chunks, [&](std::size_t c) {
    for (std::size_t i = c; i < texts.size(); i += chunks) ids[i] = tokenizer_.encode(texts[i]);
  });
  return encode_ids(ids);
}

matrix bert_encoder::encode_ids(std::span<const std::vector<std::int32_t>> ids) const {
  matrix out(ids.size(), config_.hidden_size);
  for (const auto& seq : ids) {
    if (seq.empty() || seq.size() > config_.max_position_embeddings) {
      throw std::invalid_argument("bert_encoder: token sequence length " +
                                  std::to_string(seq.size()) + " outside [1, " +
                                  std::to_string(config_.max_position_embeddings) + "]");
    }
    for (auto id : seq) {
      if (id < 0 || static_cast<std::size_t>(id) >= config_.vocab_size) {
        throw std::invalid_argument("bert_encoder: token id " + std::to_string(id) +
                                    " out of range");
      }
    }
  }
  // Group by length so each batch holds texts of similar cost.
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](auto a, auto b) { return ids[a].size() > ids[b].size(); });

  // Activations grow with the tokens in a batch (the feed-forward block holds
  // tokens x intermediate floats), so a batch also stops at a token budget.
  const std::size_t max_batch_tokens = std::max<std::size_t>(8192, config_.max_seq_length);
  const std::size_t workers = pool_.size();
  for (std::size_t start = 0, end = 0; start < order.size(); start = end) {
    std::size_t tokens = 0;
    end = start;
    while (end < order.size() && end - start < batch_size_ &&
           (end == start || tokens + ids[order[end]].size() <= max_batch_tokens)) {
      tokens += ids[order[end]].size();
      ++end;
    }
    if (workers > 1 && end - start >= 2 * workers) {
      // Enough sequences: give each thread whole sequences (longest first to the
      // least loaded), so threads never wait on each other inside a layer.
      std::vector<sequence_group> groups(workers);
      std::vector<double> load(workers, 0.0);
      for (std::size_t k = start; k < end; ++k) {
        const auto g =
            static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        groups[g].sequences.push_back(&ids[order[k]]);
        groups[g].out_rows.push_back(order[k]);
        load[g] += sequence_cost(ids[order[k]].size());
      }
      pool_.parallel_for(workers, [&](std::size_t g) { forward(groups[g], nullptr, out); });
    } else {
      sequence_group group;
      for (std::size_t k = start; k < end; ++k) {
        group.sequences.push_back(&ids[order[k]]);
        group.out_rows.push_back(order[k]);
      }
      // Few sequences: the threads split each matrix product instead. One short sentence
      // gains too (18 tokens: p50 5.4 -> 2.9 ms on 2 quiet Zen 5 cores), though on a
      // loaded machine it can wait for a descheduled second thread.
      forward(group, &pool_, out);
    }
  }
  return out;
}

void bert_encoder::forward(const sequence_group& group, thread_pool* pool, matrix& out) const {
  const std::size_t H = config_.hidden_size;
  const std::size_t I = config_.intermediate_size;
  const std::size_t heads = config_.num_heads;
  const std::size_t hd = config_.head_size();
  const std::size_t n_seq = group.sequences.size();
  const float eps = config_.layer_norm_eps;
  const auto& w = *weights_;

  std::vector<std::size_t> offset(n_seq + 1, 0);
  for (std::size_t s = 0; s < n_seq; ++s) offset[s + 1] = offset[s] + group.sequences[s]->size();
  const std::size_t T = offset[n_seq];
  if (T == 0) return;

  // The feed-forward block runs on row blocks: its T x I activations would be the largest
  // buffer of a batch (about 25 MB for 4,000 tokens), and an sgemm of 512 rows is as fast.
  const std::size_t ffn_rows = std::min<std::size_t>(T, 512);
  std::vector<float> hidden(T * H), next(T * H), qkv(T * 3 * H), context(T * H),
      inter(ffn_rows * I);

  const std::size_t parts = pool != nullptr ? pool->size() : 1;
  auto run = [&](std::size_t n, const std::function<void(std::size_t)>& fn) {
    if (pool != nullptr && n > 1) {
      pool->parallel_for(n, fn);
    } else {
      for (std::size_t i = 0; i < n; ++i) fn(i);
    }
  };
  auto row_range = [&](std::size_t part, std::size_t n_parts) {
    return std::pair{T * part / n_parts, T * (part + 1) / n_parts};
  };
  // y[rows, N] = x[rows, K] * W[N, K]^T, the weight's panels split between threads;
  // `epilogue` then finishes the thread's own column block while it is still in cache.
  auto linear_rows = [&](const float* x, std::size_t rows, const packed_weights& W, float* y,
                         const std::function<void(std::size_t, std::size_t)>& epilogue) {
    const std::size_t N = W.rows(), panels = W.panels();
    const std::size_t n_parts = std::max<std::size_t>(1, std::min(parts, panels / 4));
    run(n_parts, [&](std::size_t p) {
      const std::size_t p0 = panels * p / n_parts, p1 = panels * (p + 1) / n_parts;
      multiply_packed(x, rows, W.cols(), W, p0, p1, y, N);
      epilogue(p0 * packed_weights::panel_width, std::min(N, p1 * packed_weights::panel_width));
    });
  };
  auto linear = [&](const float* x, const packed_weights& W, float* y,
                    const std::function<void(std::size_t, std::size_t)>& epilogue) {
    linear_rows(x, T, W, y, epilogue);
  };
  auto layer_norm_all = [&](float* x, const float* g, const float* b) {
    run(parts, [&](std::size_t p) {
      auto [r0, r1] = row_range(p, parts);
      kernels::layer_norm(x + r0 * H, r1 - r0, H, H, g, b, eps);
    });
  };

  // Embeddings: word + position + token type 0 (single-sentence inputs), then LayerNorm.
  run(parts, [&](std::size_t p) {
    auto [r0, r1] = row_range(p, parts);
    std::size_t s = static_cast<std::size_t>(std::upper_bound(offset.begin(), offset.end(), r0) -
                                             offset.begin()) -
                    1;
    for (std::size_t t = r0; t < r1; ++t) {
      while (t >= offset[s + 1]) ++s;
      const std::size_t pos = t - offset[s];
      const auto id = static_cast<std::size_t>((*group.sequences[s])[pos]);
      float* row = hidden.data() + t * H;
      std::memcpy(row, w.word + id * H, H * sizeof(float));
      kernels::accumulate(row, w.position + pos * H, H);
      kernels::accumulate(row, w.token_type, H);
    }
    kernels::layer_norm(hidden.data() + r0 * H, r1 - r0, H, H, w.emb_ln_g, w.emb_ln_b, eps);
  });

  const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
  for (const auto& l : w.layers) {
    linear(hidden.data(), l.qkv, qkv.data(), [&](std::size_t n0, std::size_t n1) {
      kernels::bias_add(qkv.data() + n0, T, n1 - n0, 3 * H, l.qkv_b.data() + n0);
    });

    // Self-attention per (sequence, head): a sequence only ever sees its own tokens.
    run(n_seq * heads, [&](std::size_t task) {
      const std::size_t s = task / heads, h = task % heads;
      const std::size_t L = offset[s + 1] - offset[s];
      const float* q = qkv.data() + offset[s] * 3 * H + h * hd;
      const float* k = q + H;
      const float* v = q + 2 * H;
      std::vector<float> scores(L * L);
      const int n = static_cast<int>(L), d = static_cast<int>(hd), ld = static_cast<int>(3 * H);
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, d, 1.0f, q, ld, k, ld, 0.0f,
                  scores.data(), n);
      kernels::softmax(scores.data(), L, L, L, scale);
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, d, n, 1.0f, scores.data(), n, v, ld,
                  0.0f, context.data() + offset[s] * H + h * hd, static_cast<int>(H));
    });

    linear(context.data(), l.attn_out, next.data(), [&](std::size_t n0, std::size_t n1) {
      kernels::bias_residual(next.data() + n0, T, n1 - n0, H, l.attn_out_b + n0, hidden.data() + n0,
                             H);
    });
    layer_norm_all(next.data(), l.attn_ln_g, l.attn_ln_b);
    hidden.swap(next);

    for (std::size_t r0 = 0; r0 < T; r0 += ffn_rows) {
      const std::size_t rows = std::min(ffn_rows, T - r0);
      const float* x = hidden.data() + r0 * H;
      float* y = next.data() + r0 * H;
      linear_rows(x, rows, l.inter, inter.data(), [&](std::size_t n0, std::size_t n1) {
        kernels::bias_gelu(inter.data() + n0, rows, n1 - n0, I, l.inter_b + n0);
      });
      linear_rows(inter.data(), rows, l.out, y, [&](std::size_t n0, std::size_t n1) {
        kernels::bias_residual(y + n0, rows, n1 - n0, H, l.out_b + n0, x + n0, H);
      });
    }
    layer_norm_all(next.data(), l.out_ln_g, l.out_ln_b);
    hidden.swap(next);
  }

  // Mean over the sequence's tokens, then unit length (F.normalize's eps of 1e-12).
  for (std::size_t s = 0; s < n_seq; ++s) {
    auto row = out.row(group.out_rows[s]);
    std::fill(row.begin(), row.end(), 0.0f);
    for (std::size_t t = offset[s]; t < offset[s + 1]; ++t)
      kernels::accumulate(row.data(), hidden.data() + t * H, H);
    const float inv_len = 1.0f / static_cast<float>(offset[s + 1] - offset[s]);
    double norm2 = 0.0;
    for (auto& x : row) {
      x *= inv_len;
      norm2 += static_cast<double>(x) * x;
    }
    const float inv_norm = 1.0f / std::max(static_cast<float>(std::sqrt(norm2)), 1e-12f);
    for (auto& x : row) x *= inv_norm;
  }
}

}  // namespace kinora::ai
