#pragma once
// Ask the data: reads a question's details, picks the closest vetted template, runs its
// SQL with those details bound as parameters, and says the result in one sentence.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "insights/question_matcher.hpp"
#include "storage/database.hpp"

namespace kinora::insights {

struct answer {
  std::string question;
  bool matched = false;
  double similarity = 0;
  bool by_encoder = false;
  const question_template* tmpl = nullptr;  // null when not matched
  question_details details;                 // only what the template used
  std::string sentence;
  std::vector<std::vector<storage::value>> rows;  // in tmpl->columns order; dates as text
  std::vector<template_score> suggestions;        // up to 3, closest first
  double elapsed_ms = 0;
};

class insights_service {
 public:
  // `before_reading` makes buffered logs (the search log) current before a query runs.
  insights_service(storage::database& db, const ai::encoder* encoder, const clock& clk,
                   std::function<void()> before_reading);

  result<answer> ask(std::string_view question);
  const question_matcher& matcher() const { return matcher_; }

 private:
  status resolve_title(storage::connection& c, std::string_view question,
                       question_details& d) const;

  storage::database& db_;
  const clock& clock_;
  std::function<void()> before_reading_;
  question_matcher matcher_;
};

}  // namespace kinora::insights
