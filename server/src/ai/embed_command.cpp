#include "ai/embed_command.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ai/bert_encoder.hpp"
#include "ai/blas_kernels.hpp"
#include "ai/encoder.hpp"
#include "ai/json_file.hpp"
#include "ai/model_locator.hpp"

namespace kinora::ai {

namespace {

// Reference figures from shared/models/golden/README.md: PyTorch eager fp32 on this
// project's 2-core machines.
constexpr double reference_texts_per_second = 37.0;
constexpr double reference_p50_ms = 13.0;
constexpr const char* default_latency_text =
    "A retired astronaut returns to orbit to rescue the crew of a failing space station.";

constexpr const char* usage =
    "usage: kinora embed [--model DIR] [--threads N] [--batch N] TEXT...\n"
    "       kinora embed [--model DIR] [--threads N] --bench FILE [--runs N] [--latency-text "
    "TEXT]\n"
    "       kinora embed --kernels   which matrix-product kernels this CPU runs\n"
    "The model directory defaults to $KINORA_MODEL_DIR, then "
    "$XDG_CACHE_HOME/kinora/models/all-MiniLM-L6-v2\n"
    "(see scripts/fetch-model.sh).\n";

struct arguments {
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> bench;
  std::size_t threads = 0;
  std::size_t batch = 32;
  std::size_t runs = 200;
  std::string latency_text = default_latency_text;
  std::vector<std::string> texts;
  bool kernels = false;
};

bool parse_count(const std::string& s, std::size_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out > 0;
}

// Returns an error message, or nothing when the arguments are fine.
std::optional<std::string> parse(int argc, char** argv, arguments& a) {
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (options_done || arg.empty() || arg[0] != '-' || arg == "-") {
      a.texts.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") return std::string();
    if (arg == "--kernels") {
      a.kernels = true;
      continue;
    }
    if (i + 1 >= argc) return arg + " needs a value";
    const std::string value = argv[++i];
    if (arg == "--model") {
      a.model = value;
    } else if (arg == "--bench") {
      a.bench = value;
    } else if (arg == "--latency-text") {
      a.latency_text = value;
    } else if (arg == "--threads" || arg == "--batch" || arg == "--runs") {
      std::size_t n = 0;
      if (!parse_count(value, n)) return arg + " needs a positive integer, got \"" + value + "\"";
      (arg == "--threads" ? a.threads : arg == "--batch" ? a.batch : a.runs) = n;
    } else {
      return "unknown option " + arg;
    }
  }
  if (a.kernels)
    return a.bench || !a.texts.empty() ? std::optional<std::string>("--kernels takes no texts")
                                       : std::nullopt;
  if (!a.bench && a.texts.empty()) return "no text to embed";
  if (a.bench && !a.texts.empty()) return "--bench takes no texts";
  return std::nullopt;
}

void write_float(std::ostream& out, float v) {
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  out.write(buf, p - buf);
}

void print_vectors(std::ostream& out, const encoder& enc, const matrix& m) {
  out << "{\"model\":" << boost::json::serialize(boost::json::string(enc.model_id()))
      << ",\"dimension\":" << enc.dimension() << ",\"vectors\":[";
  for (std::size_t r = 0; r < m.rows(); ++r) {
    out << (r ? ",\n[" : "\n[");
    const auto row = m.row(r);
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out << ',';
      write_float(out, row[c]);
    }
    out << ']';
  }
  out << "\n]}\n";
}

struct bench_item {
  std::string text;
  std::vector<std::int32_t> ids;  // empty when the file gives none
};

// Accepts golden/catalog_texts_1000.json ({"items":[{"text","input_ids"}]}) or a plain
// JSON array of strings.
std::vector<bench_item> read_bench_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  const auto root = parse_json(text.str(), path.string());
  const boost::json::array* items = root.if_array();
  if (items == nullptr && root.is_object()) {
    if (const auto* it = root.get_object().if_contains("items")) items = it->if_array();
  }
  if (items == nullptr)
    throw std::runtime_error(path.string() + ": expected an array of texts or an \"items\" array");
  std::vector<bench_item> out;
  for (const auto& v : *items) {
    bench_item b;
    if (v.is_string()) {
      b.text = std::string(v.get_string());
    } else if (v.is_object() && v.as_object().if_contains("text") && v.at("text").is_string()) {
      b.text = std::string(v.at("text").get_string());
      if (const auto* ids = v.as_object().if_contains("input_ids"); ids && ids->is_array()) {
        for (const auto& id : ids->get_array())
          b.ids.push_back(static_cast<std::int32_t>(id.to_number<std::int64_t>()));
      }
    } else {
      throw std::runtime_error(path.string() + ": every item needs a \"text\" string");
    }
    out.push_back(std::move(b));
  }
  if (out.empty()) throw std::runtime_error(path.string() + ": no texts");
  return out;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::min<double>(
      static_cast<double>(v.size() - 1), p / 100.0 * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

// The kernels line, with a warning when a slow fallback is in force.
std::string describe_kernels() {
  const auto k = kernels_in_use();
  return k.describe() + (k.slow_fallback() ? " - WARNING: a slow fallback; the CPU runs " +
                                                 std::string(to_string(k.cpu)) + " kernels"
                                           : "");
}

int run_bench(const arguments& a, const encoder& enc, std::ostream& out) {
  using clock = std::chrono::steady_clock;
  const auto items = read_bench_file(*a.bench);
  std::vector<std::string> texts;
  texts.reserve(items.size());
  for (const auto& b : items) texts.push_back(b.text);

  std::size_t tokens = 0, checked = 0, matching = 0, threads = 0;
  if (const auto* bert = dynamic_cast<const bert_encoder*>(&enc)) {
    threads = bert->threads();
    for (const auto& b : items) {
      const auto ids = bert->tokenizer().encode(b.text);
      tokens += ids.size();
      if (!b.ids.empty()) {
        ++checked;
        matching += ids == b.ids;
      }
    }
  }
  out << "kernels: " << describe_kernels() << "\n";
  char line[512];
  std::snprintf(line, sizeof line, "model %s (%zu-d), %zu threads, %zu texts, %.1f tokens/text\n",
                enc.model_id().c_str(), enc.dimension(), threads, texts.size(),
                static_cast<double>(tokens) / static_cast<double>(texts.size()));
  out << line;
  if (checked > 0)
    out << "token ids: " << matching << "/" << checked << " texts match the file's input_ids\n";

  const std::size_t batch = a.batch;
  auto encode_all = [&] {
    for (std::size_t i = 0; i < texts.size(); i += batch) {
      const auto n = std::min(batch, texts.size() - i);
      (void)enc.encode(std::span<const std::string>(texts.data() + i, n));
    }
  };
  (void)enc.encode(
      std::span<const std::string>(texts.data(), std::min(batch, texts.size())));  // warm-up
  const auto t0 = clock::now();
  encode_all();
  const double seconds = std::chrono::duration<double>(clock::now() - t0).count();
  const double tps = static_cast<double>(texts.size()) / seconds;
  std::snprintf(line, sizeof line,
                "throughput: %.1f texts/s (batch %zu, %.2f s for %zu texts), %.2fx the %.0f "
                "texts/s reference\n",
                tps, batch, seconds, texts.size(), tps / reference_texts_per_second,
                reference_texts_per_second);
  out << line;

  const std::vector<std::string> one{a.latency_text};
  for (int i = 0; i < 5; ++i) (void)enc.encode(one);
  std::vector<double> ms;
  for (std::size_t i = 0; i < a.runs; ++i) {
    const auto s = clock::now();
    (void)enc.encode(one);
    ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - s).count());
  }
  const double p50 = percentile(ms, 50), p99 = percentile(ms, 99);
  std::snprintf(line, sizeof line,
                "latency (1 sentence, %zu runs): p50 %.2f ms, p99 %.2f ms; %.2fx the speed of the "
                "%.0f ms p50 reference\n",
                a.runs, p50, p99, reference_p50_ms / p50, reference_p50_ms);
  out << line;
  return 0;
}

}  // namespace

int run_embed_command(int argc, char** argv) {
  return run_embed_command(argc, argv, std::cout, std::cerr);
}

int run_embed_command(int argc, char** argv, std::ostream& out, std::ostream& err) {
  arguments a;
  if (auto problem = parse(argc, argv, a)) {
    if (problem->empty()) {
      out << usage;
      return 0;
    }
    err << "kinora embed: " << *problem << "\n" << usage;
    return 2;
  }
  if (a.kernels) {
    out << describe_kernels() << "\n";
    return 0;
  }
  try {
    encoder_options options;
    options.threads = a.threads;
    options.batch_size = a.batch;
    const auto enc = load_encoder(resolve_model_dir(a.model), options);
    if (a.bench) return run_bench(a, *enc, out);
    print_vectors(out, *enc, enc->encode(a.texts));
    out.flush();
    return out ? 0 : 1;
  } catch (const std::exception& e) {
    err << "kinora embed: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace kinora::ai
