#pragma once
// Ask the data: an operator's question in plain words is matched to one of a few dozen
// vetted, parameterised SQL templates. Nothing the operator types ever becomes SQL: the
// words only choose a template and fill its bound parameters.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/viewer.hpp"

namespace kinora::insights {

// The details a question may name.
enum class detail { range, tier, genre, channel, title };

struct time_range {
  std::string label;  // "this week", "the last 30 days"
  std::int64_t from = 0;
  std::int64_t to = 0;  // exclusive
};
struct named_genre {
  std::int64_t id = 0;
  std::string slug, name;
};
struct named_channel {
  std::int64_t id = 0;
  int number = 0;
  std::string name;
};
struct named_title {
  std::int64_t id = 0;
  std::string title;
};

// What was read from the question's words.
struct question_details {
  std::optional<time_range> range;
  std::optional<auth::tier> tier;
  std::optional<named_genre> genre;
  std::optional<named_channel> channel;
  std::optional<int> channel_number;  // named but not (yet) found
  std::optional<named_title> title;
  std::optional<std::string> quoted;  // text in quotes: a title's name
};

enum class column_kind { text, integer, number, percent, date, hours };
struct column {
  std::string key, label;
  column_kind kind;
};

// How the rows read: a ranking (best first), a breakdown (fixed order), or a series
// over days or hours of the day (gaps filled with zero).
enum class row_shape { ranking, breakdown, days, hours, list };

struct question_template {
  std::string id, title;
  std::vector<std::string> examples;  // examples[0] is the canonical phrasing
  std::vector<detail> takes;          // details it may use
  std::vector<detail> needs;          // details it cannot answer without
  std::string default_range;          // "7", "30", "365" days or "all"; empty: no range
  row_shape shape = row_shape::ranking;
  std::vector<column> columns;  // the SQL's columns in order; the last is the chart's value
  bool chart = true;
  std::string noun;  // what the value counts, for the answer ("plays", "searches")
  // After the parameter CTE `p` (from_at, to_at, tier, genre_id, channel_id, title_id),
  // bound as parameters; '' / 0 mean "any".
  std::string sql;
  bool additive = true;  // whether the value column may be summed over rows
};

const std::vector<question_template>& question_templates();
const question_template* find_template(std::string_view id);

}  // namespace kinora::insights
