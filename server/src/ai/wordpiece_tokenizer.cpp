#include "ai/wordpiece_tokenizer.hpp"

#include <utf8proc.h>
#include <algorithm>
#include <fstream>

#include "ai/json_file.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

using code_points = std::vector<utf8proc_int32_t>;

constexpr utf8proc_int32_t replacement_char = 0xFFFD;

// Python's and Rust's "whitespace" as the tokenizers see it after control characters
// are gone: tab/newline/return, space separators (Zs) and the line/paragraph separators.
bool is_whitespace(utf8proc_int32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (c == 0x2028 || c == 0x2029) return true;
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

// Every "Other" category (Cc, Cf, Cn, Co, Cs) except the three whitespace controls.
bool is_control(utf8proc_int32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
      return true;
    default:
      return false;
  }
}

// BERT counts all non-alphanumeric ASCII as punctuation (e.g. "$", "^", "`"), which
// Unicode puts in the symbol categories.
bool is_punctuation(utf8proc_int32_t c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
      (c >= 123 && c <= 126)) {
    return true;
  }
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return true;
    default:
      return false;
  }
}

// The CJK Unified Ideograph blocks BERT splits around (Hangul and kana are not in them).
bool is_chinese_char(utf8proc_int32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
         (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

void append_utf8(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(c, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Invalid UTF-8 becomes U+FFFD, which the clean-up step then drops.
code_points decode(std::string_view text) {
  code_points out;
  out.reserve(text.size());
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(p, left, &c);
    if (n <= 0) {
      c = replacement_char;
      n = 1;
    }
    out.push_back(c);
    p += n;
    left -= n;
  }
  return out;
}

// Canonical decomposition (with canonical reordering) of a code point sequence.
code_points nfd(const code_points& in) {
  std::string utf8;
  utf8.reserve(in.size() * 2);
  for (auto c : in) append_utf8(utf8, c);
  code_points out(in.size() + 16);
  const auto opts = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STABLE);
  for (;;) {
    auto n = utf8proc_decompose(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                static_cast<utf8proc_ssize_t>(utf8.size()), out.data(),
                                static_cast<utf8proc_ssize_t>(out.size()), opts);
    if (n < 0) return in;  // cannot happen for valid scalar values; keep the text as is
    if (static_cast<std::size_t>(n) <= out.size()) {
      out.resize(static_cast<std::size_t>(n));
      return out;
    }
    out.resize(static_cast<std::size_t>(n));
  }
}

}  // namespace

wordpiece_tokenizer::wordpiece_tokenizer(const std::filesystem::path& vocab_file,
                                         wordpiece_options options)
    : options_(options), vocab_path_(vocab_file) {
  std::ifstream in(vocab_file, std::ios::binary);
  if (!in) throw model_error("missing file " + vocab_file.string());
  std::string line;
  while (std::getline(in, line)) {
    // Hugging Face strips only the newline: any other whitespace is part of the token.
    const auto id = static_cast<std::int32_t>(id_to_token_.size());
    vocab_[line] = id;
    id_to_token_.push_back(std::move(line));
  }
  if (id_to_token_.empty()) throw model_error(vocab_file.string() + " is empty");
  if (options_.max_length < 2) throw model_error("max sequence length must be at least 2");
  cls_id_ = require("[CLS]");
  sep_id_ = require("[SEP]");
  unk_id_ = require("[UNK]");
  pad_id_ = require("[PAD]");
  for (const char* s : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}) {
    if (auto it = vocab_.find(std::string_view(s)); it != vocab_.end())
      special_tokens_.emplace_back(s, it->second);
  }
}

wordpiece_tokenizer wordpiece_tokenizer::from_model_dir(const std::filesystem::path& dir,
                                                        std::size_t max_length) {
  const json_file config(dir / "tokenizer_config.json");
  wordpiece_options o;
  o.lowercase = config.find_bool("do_lower_case").value_or(true);
  o.strip_accents = config.find_bool("strip_accents").value_or(o.lowercase);
  o.tokenize_chinese_chars = config.find_bool("tokenize_chinese_chars").value_or(true);
  if (auto cls = config.find_string("tokenizer_class");
      cls && *cls != "BertTokenizer" && *cls != "BertTokenizerFast") {
    throw model_error((dir / "tokenizer_config.json").string() + ": unsupported tokenizer_class " +
                      *cls);
  }
  o.max_length = max_length;
  return wordpiece_tokenizer(dir / "vocab.txt", o);
}

std::int32_t wordpiece_tokenizer::require(const std::string& token) const {
  auto it = vocab_.find(token);
  if (it == vocab_.end()) throw model_error(vocab_path_.string() + " has no " + token + " token");
  return it->second;
}

std::vector<std::int32_t> wordpiece_tokenizer::encode(std::string_view text) const {
  std::vector<std::int32_t> ids;
  ids.push_back(cls_id_);
  // Special tokens written literally in the text keep their ids, as in Hugging Face
  // (they are matched case-sensitively before any normalisation).
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t best = std::string_view::npos, best_len = 0;
    std::int32_t best_id = 0;
    for (const auto& [tok, id] : special_tokens_) {
      const auto at = text.find(tok, pos);
      if (at < best || (at == best && at != std::string_view::npos && tok.size() > best_len)) {
        best = at;
        best_len = tok.size();
        best_id = id;
      }
    }
    if (best == std::string_view::npos) {
      append_segment(text.substr(pos), ids);
      break;
    }
    append_segment(text.substr(pos, best - pos), ids);
    ids.push_back(best_id);
    pos = best + best_len;
  }
  if (ids.size() > options_.max_length - 1) ids.resize(options_.max_length - 1);
  ids.push_back(sep_id_);
  return ids;
}

std::vector<std::string> wordpiece_tokenizer::tokenize(std::string_view text) const {
  std::vector<std::string> out;
  for (auto id : encode(text)) out.push_back(token(id));
  return out;
}

std::vector<std::string> wordpiece_tokenizer::basic_tokenize(std::string_view text) const {
  std::vector<std::string> words;
  split_words(text, words);
  return words;
}

void wordpiece_tokenizer::append_segment(std::string_view text,
                                         std::vector<std::int32_t>& ids) const {
  std::vector<std::string> words;
  split_words(text, words);
  for (const auto& w : words) {
    // Nothing past max_length survives truncation, so stop early on long inputs.
    if (ids.size() >= options_.max_length) return;
    append_wordpieces(w, ids);
  }
}

void wordpiece_tokenizer::split_words(std::string_view text,
                                      std::vector<std::string>& words) const {
  // BertNormalizer: clean-up and CJK spacing...
  code_points cps;
  cps.reserve(text.size() + 8);
  for (auto c : decode(text)) {
    if (c == 0 || c == replacement_char || is_control(c)) continue;
    if (is_whitespace(c)) {
      cps.push_back(' ');
    } else if (options_.tokenize_chinese_chars && is_chinese_char(c)) {
      cps.push_back(' ');
      cps.push_back(c);
      cps.push_back(' ');
    } else {
      cps.push_back(c);
    }
  }
  // ...then accents (NFD, drop Mn) before lowercasing, in the fast tokenizer's order.
  if (options_.strip_accents) {
    auto decomposed = nfd(cps);
    cps.clear();
    for (auto c : decomposed) {
      if (utf8proc_category(c) != UTF8PROC_CATEGORY_MN) cps.push_back(c);
    }
  }
  if (options_.lowercase) {
    code_points lowered;
    lowered.reserve(cps.size());
    for (auto c : cps) {
      if (c == 0x0130) {  // the one code point whose full lowercase mapping is two
        lowered.push_back('i');
        lowered.push_back(0x0307);
      } else {
        lowered.push_back(utf8proc_tolower(c));
      }
    }
    cps = std::move(lowered);
  }
  // BertPreTokenizer: whitespace separates words, each punctuation mark is a word.
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (auto c : cps) {
    if (is_whitespace(c)) {
      flush();
    } else if (is_punctuation(c)) {
      flush();
      append_utf8(current, c);
      flush();
    } else {
      append_utf8(current, c);
    }
  }
  flush();
}

void wordpiece_tokenizer::append_wordpieces(const std::string& word,
                                            std::vector<std::int32_t>& ids) const {
  // Byte offsets of code point boundaries: pieces never split a character.
  std::vector<std::size_t> bounds;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) bounds.push_back(i);
  }
  const std::size_t n_chars = bounds.size();
  bounds.push_back(word.size());
  if (n_chars > options_.max_chars_per_word) {
    ids.push_back(unk_id_);
    return;
  }
  const auto mark = ids.size();
  std::string candidate;
  std::size_t start = 0;
  while (start < n_chars) {
    std::size_t end = n_chars;
    std::int32_t found = -1;
    while (end > start) {
      candidate.assign(start > 0 ? "##" : "");
      candidate.append(word, bounds[start], bounds[end] - bounds[start]);
      if (auto it = vocab_.find(std::string_view(candidate)); it != vocab_.end()) {
        found = it->second;
        break;
      }
      --end;
    }
    if (found < 0) {
      // One unmatchable piece makes the whole word unknown.
      ids.resize(mark);
      ids.push_back(unk_id_);
      return;
    }
    ids.push_back(found);
    start = end;
  }
}

}  // namespace kinora::ai
