#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kinora::ai {

struct wordpiece_options {
  bool lowercase = true;
  bool strip_accents = true;  // tokenizer_config "strip_accents": null follows lowercase
  bool tokenize_chinese_chars = true;
  std::size_t max_length = 512;  // including [CLS] and [SEP]
  std::size_t max_chars_per_word = 100;
};

// BERT tokenizer as Hugging Face's fast BertTokenizer (the one sentence-transformers
// uses) runs it: special tokens matched verbatim in the raw text, then BertNormalizer
// (drop control characters, map whitespace to spaces, space out CJK ideographs, NFD and
// drop non-spacing marks, lowercase), BertPreTokenizer (split on whitespace, isolate
// punctuation) and greedy longest-match WordPiece with "##" continuations.
// Immutable after construction, so one instance serves any number of threads.
class wordpiece_tokenizer {
 public:
  // Throws model_error if vocab.txt is missing or lacks a special token.
  wordpiece_tokenizer(const std::filesystem::path& vocab_file, wordpiece_options options);

  // Reads vocab.txt and tokenizer_config.json from a model directory.
  static wordpiece_tokenizer from_model_dir(const std::filesystem::path& dir,
                                            std::size_t max_length);

  // [CLS] pieces... [SEP], truncated to max_length.
  std::vector<std::int32_t> encode(std::string_view text) const;

  // The normalised, split words before WordPiece (for tests and debugging).
  std::vector<std::string> basic_tokenize(std::string_view text) const;
  // Token strings of encode().
  std::vector<std::string> tokenize(std::string_view text) const;

  std::size_t vocab_size() const noexcept { return id_to_token_.size(); }
  const std::string& token(std::int32_t id) const {
    return id_to_token_.at(static_cast<std::size_t>(id));
  }
  std::int32_t cls_id() const noexcept { return cls_id_; }
  std::int32_t sep_id() const noexcept { return sep_id_; }
  std::int32_t unk_id() const noexcept { return unk_id_; }
  std::int32_t pad_id() const noexcept { return pad_id_; }
  const wordpiece_options& options() const noexcept { return options_; }

 private:
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };

  void append_segment(std::string_view text, std::vector<std::int32_t>& ids) const;
  void split_words(std::string_view text, std::vector<std::string>& words) const;
  void append_wordpieces(const std::string& word, std::vector<std::int32_t>& ids) const;
  std::int32_t require(const std::string& token) const;

  wordpiece_options options_;
  std::unordered_map<std::string, std::int32_t, string_hash, std::equal_to<>> vocab_;
  std::vector<std::string> id_to_token_;
  std::vector<std::pair<std::string, std::int32_t>> special_tokens_;
  std::int32_t cls_id_ = 0, sep_id_ = 0, unk_id_ = 0, pad_id_ = 0;
  std::filesystem::path vocab_path_;
};

}  // namespace kinora::ai
