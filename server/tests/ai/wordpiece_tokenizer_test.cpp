#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "ai/model_error.hpp"
#include "ai/wordpiece_tokenizer.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

using strings = std::vector<std::string>;
using ids = std::vector<std::int32_t>;

// The real all-MiniLM-L6-v2 (bert-base-uncased) vocabulary and settings.
class RealVocab : public ::testing::Test {
 protected:
  static std::filesystem::path dir() { return test::shared_models_dir() / "all-MiniLM-L6-v2"; }
  void SetUp() override {
    KINORA_REQUIRE_PATH(dir() / "vocab.txt", "all-MiniLM-L6-v2 tokenizer files");
    if (!tok_)
      tok_ = std::make_unique<wordpiece_tokenizer>(wordpiece_tokenizer::from_model_dir(dir(), 256));
  }
  static inline std::unique_ptr<wordpiece_tokenizer> tok_;
};

TEST_F(RealVocab, MatchesGoldenTokenIdsForEverySentence) {
  const auto root = test::read_json(test::shared_models_dir() / "golden" / "minilm_golden.json");
  std::size_t n = 0;
  for (const auto& item : root.at("items").as_array()) {
    const std::string text(item.at("text").as_string());
    ids want;
    for (const auto& v : item.at("input_ids").as_array())
      want.push_back(static_cast<std::int32_t>(v.to_number<std::int64_t>()));
    strings want_tokens;
    for (const auto& v : item.at("tokens").as_array()) want_tokens.emplace_back(v.as_string());
    EXPECT_EQ(tok_->encode(text), want) << text;
    EXPECT_EQ(tok_->tokenize(text), want_tokens) << text;
    ++n;
  }
  EXPECT_EQ(n, 56u);
}

TEST_F(RealVocab, MatchesCatalogTokenIds) {
  const auto path = test::shared_models_dir() / "golden" / "catalog_texts_1000.json";
  KINORA_REQUIRE_PATH(path, "catalog texts");
  const auto root = test::read_json(path);
  std::size_t n = 0;
  for (const auto& item : root.at("items").as_array()) {
    ids want;
    for (const auto& v : item.at("input_ids").as_array())
      want.push_back(static_cast<std::int32_t>(v.to_number<std::int64_t>()));
    ASSERT_EQ(tok_->encode(std::string(item.at("text").as_string())), want) << item.at("text");
    ++n;
  }
  EXPECT_EQ(n, 1000u);
}

TEST_F(RealVocab, SpecialIds) {
  EXPECT_EQ(tok_->vocab_size(), 30522u);
  EXPECT_EQ(tok_->pad_id(), 0);
  EXPECT_EQ(tok_->unk_id(), 100);
  EXPECT_EQ(tok_->cls_id(), 101);
  EXPECT_EQ(tok_->sep_id(), 102);
  EXPECT_EQ(tok_->encode(""), (ids{101, 102}));
  EXPECT_EQ(tok_->encode(" \t\n\u00a0"), (ids{101, 102}));
}

TEST_F(RealVocab, CleansLowercasesAndStripsAccents) {
  EXPECT_EQ(tok_->basic_tokenize("Hello,   WORLD!"), (strings{"hello", ",", "world", "!"}));
  EXPECT_EQ(tok_->basic_tokenize("Crème Brûlée à São Paulo"),
            (strings{"creme", "brulee", "a", "sao", "paulo"}));
  // Decomposed input (e + combining acute) ends the same as precomposed.
  EXPECT_EQ(tok_->basic_tokenize("Cafe\xCC\x81"), (strings{"cafe"}));
  // Controls and format characters vanish; NBSP and ideographic space separate words.
  EXPECT_EQ(tok_->basic_tokenize("a\x07"
                                 "b\xE2\x80\x8B"
                                 "c\xC2\xA0"
                                 "d\xE3\x80\x80"
                                 "e"),
            (strings{"abc", "d", "e"}));
  // Invalid UTF-8 is dropped like U+FFFD.
  EXPECT_EQ(tok_->basic_tokenize("ab\xFF"
                                 "cd"),
            (strings{"abcd"}));
  // Greek capital sigma lowercases per character, as the fast tokenizer does.
  EXPECT_EQ(tok_->basic_tokenize("ΟΔΟΣ"), (strings{"οδοσ"}));
}

TEST_F(RealVocab, SplitsPunctuationAndCjk) {
  EXPECT_EQ(tok_->basic_tokenize("rock'n'roll $5^2 `x`"),
            (strings{"rock", "'", "n", "'", "roll", "$", "5", "^", "2", "`", "x", "`"}));
  EXPECT_EQ(tok_->basic_tokenize("東京物語abc"), (strings{"東", "京", "物", "語", "abc"}));
  // Hangul and kana are not CJK ideographs: no split (Hangul decomposes to jamo by NFD).
  EXPECT_EQ(tok_->basic_tokenize("カタカナ").size(), 1u);
}

TEST_F(RealVocab, WordPieceGreedyLongestMatch) {
  // As sentence-transformers splits it (from minilm_golden.json).
  EXPECT_EQ(tok_->tokenize("antidisestablishmentarianism"),
            (strings{"[CLS]", "anti", "##dis", "##est", "##ab", "##lish", "##ment", "##arian",
                     "##ism", "[SEP]"}));
  // A word longer than 100 characters is a single [UNK].
  EXPECT_EQ(tok_->encode(std::string(101, 'a')), (ids{101, 100, 102}));
  EXPECT_GT(tok_->encode(std::string(100, 'a')).size(), 3u);
  // One unmatchable piece makes the whole word [UNK].
  EXPECT_EQ(tok_->encode("abc\xF0\x9F\x98\x8D"), (ids{101, 100, 102}));
}

TEST_F(RealVocab, TruncatesToMaxSequenceLength) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "movie ";
  const auto out = tok_->encode(text);
  ASSERT_EQ(out.size(), 256u);
  EXPECT_EQ(out.front(), 101);
  EXPECT_EQ(out.back(), 102);
  EXPECT_EQ(out[254], out[1]);
}

TEST_F(RealVocab, SpecialTokensInTextKeepTheirIds) {
  const auto out = tok_->encode("a [MASK] film[SEP]x");
  EXPECT_EQ(out, (ids{101, 1037, 103, 2143, 102, 1060, 102}));
  // Matching is verbatim: a lowercase "[mask]" is ordinary text.
  EXPECT_EQ(tok_->tokenize("[mask]"), (strings{"[CLS]", "[", "mask", "]", "[SEP]"}));
}

TEST(WordpieceTokenizer, MissingVocabIsNamed) {
  try {
    wordpiece_tokenizer t("/nonexistent/vocab.txt", {});
    FAIL() << "expected model_error";
  } catch (const model_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/vocab.txt"), std::string::npos);
  }
}

TEST(WordpieceTokenizer, CasedOptionsAreHonoured) {
  test::temp_dir dir("cased");
  test::write_text(dir.path() / "vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nCafé\nca\n##fé\n");
  wordpiece_options cased;
  cased.lowercase = false;
  cased.strip_accents = false;
  wordpiece_tokenizer t(dir.path() / "vocab.txt", cased);
  EXPECT_EQ(t.tokenize("Café café"), (strings{"[CLS]", "Café", "ca", "##fé", "[SEP]"}));
}

}  // namespace
}  // namespace kinora::ai
