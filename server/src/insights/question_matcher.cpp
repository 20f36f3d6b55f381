#include "insights/question_matcher.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.hpp"
#include "insights/question_reader.hpp"

namespace kinora::insights {

namespace {

bool is_filler(std::string_view w) {
  static constexpr std::array<std::string_view, 40> filler{
      "a",   "an",   "the",  "of",   "on",    "in",   "at",   "to",  "for",  "by",
      "do",  "does", "did",  "is",   "are",   "was",  "were", "be",  "what", "which",
      "how", "me",   "show", "list", "give",  "tell", "our",  "we",  "i",    "and",
      "or",  "with", "that", "this", "there", "it",   "its",  "get", "have", "has"};
  return std::find(filler.begin(), filler.end(), w) != filler.end();
}

std::string stem(std::string w) {
  for (std::string_view suffix : {"ing", "ed", "es", "s"})
    if (w.size() > suffix.size() + 3 && w.ends_with(suffix))
      return w.substr(0, w.size() - suffix.size());
  return w;
}

double word_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (const auto& w : a) common += std::binary_search(b.begin(), b.end(), w) ? 1u : 0u;
  return static_cast<double>(common) / std::sqrt(static_cast<double>(a.size() * b.size()));
}

}  // namespace

std::vector<std::string> content_words(std::string_view question) {
  std::vector<std::string> out;
  for (auto& w : text::words(question))
    if (!is_filler(w)) out.push_back(stem(std::move(w)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

question_matcher::question_matcher(const ai::encoder* encoder) : encoder_(encoder) {
  std::vector<std::string> texts;
  for (const auto& t : question_templates())
    for (const auto& e : t.examples) {
      texts.push_back(without_details(e, {}));
      examples_.push_back({&t, content_words(texts.back())});
    }
  if (encoder_)
    embedded_ = std::async(std::launch::async, [this, texts = std::move(texts)] {
                  return encoder_->encode(texts);
                }).share();
}

std::vector<template_score> question_matcher::rank(std::string_view question) const {
  std::vector<double> similarity(examples_.size(), 0);
  if (encoder_) {
    const std::vector<std::string> one{std::string(question)};
    const auto q = encoder_->encode(one);
    const auto& rows = embedded_.get();
    for (std::size_t i = 0; i < examples_.size(); ++i) {
      const auto a = q.row(0), b = rows.row(i);
      double dot = 0;
      for (std::size_t j = 0; j < a.size(); ++j) dot += static_cast<double>(a[j]) * b[j];
      similarity[i] = dot;  // both rows are L2-normalised
    }
  } else {
    const auto words = content_words(question);
    for (std::size_t i = 0; i < examples_.size(); ++i)
      similarity[i] = word_overlap(words, examples_[i].words);
  }
  // A template is as close as its closest example.
  std::vector<template_score> out;
  for (std::size_t i = 0; i < examples_.size(); ++i) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const template_score& s) { return s.tmpl == examples_[i].tmpl; });
    if (it == out.end())
      out.push_back({examples_[i].tmpl, similarity[i]});
    else
      it->similarity = std::max(it->similarity, similarity[i]);
  }
  std::stable_sort(out.begin(), out.end(), [](const template_score& a, const template_score& b) {
    return a.similarity > b.similarity;
  });
  return out;
}

}  // namespace kinora::insights
