#pragma once
// Reads the details a question names — a time range, a plan, a genre, a channel, a
// title in quotes — from its words. Pure: the names it can recognise are handed in.
#include <string_view>
#include <vector>

#include "insights/question.hpp"

namespace kinora::insights {

struct vocabulary {
  std::vector<named_genre> genres;
  std::vector<named_channel> channels;
};

question_details read_details(std::string_view question, const vocabulary& names, std::int64_t now);

// The question without the details it names ("most played comedy titles this week" ->
// "most played titles"), so that matching a template weighs what is asked, not for
// which period, plan, genre or channel.
std::string without_details(std::string_view question, const vocabulary& names);

// A range by the template's default ("7", "30", "365" days, "all"), ending now.
time_range default_range(std::string_view spec, std::int64_t now);

// The longest of `names` (folded) that the folded question contains as whole words;
// an index into names, or npos.
std::size_t longest_mention(std::string_view folded_question,
                            const std::vector<std::string>& folded_names);

}  // namespace kinora::insights
