#pragma once
// Ranks the question templates by how close a question is to their example phrasings:
// cosine similarity of sentence embeddings from Kinora's encoder, or, without a model,
// of the sets of content words.
#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "ai/encoder.hpp"
#include "insights/question.hpp"

namespace kinora::insights {

struct template_score {
  const question_template* tmpl = nullptr;
  double similarity = 0;
};

class question_matcher {
 public:
  // `encoder` may be null (the lexical fallback); it must outlive the matcher.
  explicit question_matcher(const ai::encoder* encoder);

  // One entry per template, closest first; `question` without its details (without_details).
  std::vector<template_score> rank(std::string_view question) const;
  bool uses_encoder() const { return encoder_ != nullptr; }
  // Below it, a question is not answered: the closest questions are offered instead.
  double threshold() const { return encoder_ ? 0.6 : 0.5; }

 private:
  struct example {
    const question_template* tmpl;
    std::vector<std::string> words;  // content words, for the lexical fallback
  };
  const ai::encoder* encoder_;
  std::vector<example> examples_;
  // The examples' embeddings, one row each, computed once in the background.
  std::shared_future<ai::matrix> embedded_;
};

// The content words of a question, crudely stemmed ("played" meets "plays").
std::vector<std::string> content_words(std::string_view question);

}  // namespace kinora::insights
