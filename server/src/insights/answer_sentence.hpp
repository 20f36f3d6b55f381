#pragma once
// The one-sentence answer to a question, from its template, details and rows.
#include <string>
#include <vector>

#include "insights/question.hpp"
#include "storage/database.hpp"

namespace kinora::insights {

std::string answer_sentence(const question_template& t, const question_details& d,
                            const std::vector<std::vector<storage::value>>& rows);

// "in the last 30 days among Basic viewers in Comedy": the scope the figures cover.
std::string scope_phrase(const question_details& d);

}  // namespace kinora::insights
