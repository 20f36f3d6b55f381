#include <gtest/gtest.h>
#include <cmath>

#include "ai/bert_encoder.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

double dot(std::span<const float> a, std::span<const float> b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}

// The real all-MiniLM-L6-v2 weights (scripts/fetch-model.sh). Skipped when absent,
// except in CI (CI=true), where their absence is a failure.
class TrainedMiniLM : public ::testing::Test {
 protected:
  void SetUp() override {
    KINORA_REQUIRE_PATH(test::trained_model_dir() / "model.safetensors",
                        "trained all-MiniLM-L6-v2 (run scripts/fetch-model.sh)");
    if (!encoder_) encoder_ = std::make_unique<bert_encoder>(test::trained_model_dir());
  }
  static inline std::unique_ptr<bert_encoder> encoder_;
};

struct triple {
  const char* anchor;
  const char* paraphrase;
  const char* unrelated;
};

const triple triples[] = {
    {"A retired astronaut returns to orbit to rescue the crew of a failing space station.",
     "An ex-astronaut goes back into space to save the people stranded on a broken space station.",
     "Two rival chefs open restaurants on the same street and fall in love."},
    {"Two rival chefs open restaurants on the same street and fall in love.",
     "Competing cooks run restaurants next door to each other and end up falling for one another.",
     "Documentary: the secret life of deep-sea creatures near hydrothermal vents."},
    {"Documentary: the secret life of deep-sea creatures near hydrothermal vents.",
     "A nature film about the hidden lives of animals living by volcanic vents on the ocean floor.",
     "Stand-up comedy special recorded live in Dublin."},
    {"Stand-up comedy special recorded live in Dublin.",
     "A comedian's live stand-up show filmed in Ireland's capital.",
     "War epic: soldiers hold a bridge against overwhelming odds in the winter of 1944."},
    {"A hacker discovers that the city's traffic lights are controlled by a rogue AI.",
     "A programmer finds out a malicious artificial intelligence is running the town's traffic "
     "signals.",
     "Kids cartoon with talking trucks that teaches counting and colors"},
    {"feel-good family movie", "a heartwarming film the whole family can enjoy",
     "how to repot a cactus"},
};

TEST_F(TrainedMiniLM, ParaphrasesScoreHigherThanUnrelatedSentences) {
  std::vector<std::string> texts;
  for (const auto& t : triples) {
    texts.emplace_back(t.anchor);
    texts.emplace_back(t.paraphrase);
    texts.emplace_back(t.unrelated);
  }
  const auto e = encoder_->encode(texts);
  for (std::size_t i = 0; i < std::size(triples); ++i) {
    const double para = dot(e.row(3 * i), e.row(3 * i + 1));
    const double other = dot(e.row(3 * i), e.row(3 * i + 2));
    std::printf("paraphrase %.3f  unrelated %.3f  | %s\n", para, other, triples[i].anchor);
    EXPECT_GT(para, 0.6) << triples[i].anchor;
    EXPECT_LT(other, 0.35) << triples[i].anchor;
    EXPECT_GT(para - other, 0.3) << triples[i].anchor;
  }
}

TEST_F(TrainedMiniLM, RanksTheMatchingTitleFirst) {
  const std::vector<std::string> catalogue = {
      "A heist in space",
      "feel-good family movie",
      "Spider-Man: Into the Spider-Verse",
      "Nature documentary narrated over footage of the Serengeti migration",
      "Romantic comedy — a wedding planner who hates weddings",
      "12 Angry Men (1957) — jury deliberation drama"};
  const std::vector<std::string> queries = {
      "thieves rob a spaceship", "animated superhero film", "wildlife on the African savanna",
      "a courtroom classic", "love story about a wedding organiser"};
  const std::size_t expected[] = {0, 2, 3, 5, 4};
  const auto c = encoder_->encode(catalogue);
  const auto q = encoder_->encode(queries);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    std::size_t best = 0;
    for (std::size_t j = 1; j < catalogue.size(); ++j) {
      if (dot(q.row(i), c.row(j)) > dot(q.row(i), c.row(best))) best = j;
    }
    EXPECT_EQ(best, expected[i]) << queries[i] << " -> " << catalogue[best];
  }
}

TEST_F(TrainedMiniLM, EmbeddingsAreUnitLength) {
  const auto e = encoder_->encode(std::vector<std::string>{"hello world", ""});
  for (std::size_t r = 0; r < e.rows(); ++r) EXPECT_NEAR(dot(e.row(r), e.row(r)), 1.0, 1e-5);
  EXPECT_EQ(encoder_->model_id(), "all-MiniLM-L6-v2");
}

}  // namespace
}  // namespace kinora::ai
