#include "insights/question_reader.hpp"

#include <array>
#include <charconv>
#include <chrono>

#include "core/text.hpp"

namespace kinora::insights {

namespace {

constexpr std::int64_t day = 86400;
using words_t = std::vector<std::string>;

std::int64_t day_start(std::int64_t t) {
  return t / day * day;
}

std::int64_t unix_of(std::chrono::year_month_day d) {
  return std::chrono::sys_days(d).time_since_epoch().count() * day;
}

std::chrono::year_month_day civil(std::int64_t t) {
  return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(t / day)));
}

std::optional<int> number_word(const std::string& w) {
  static constexpr std::array<std::string_view, 13> names{
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (w == names[i]) return static_cast<int>(i);
  int n = 0;
  const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  if (ec != std::errc() || end != w.data() + w.size()) return std::nullopt;
  return n;
}

// "comedies" -> "comedy", "thrillers" -> "thriller": enough to meet a genre's name.
std::string singular(std::string w) {
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss")) w.pop_back();
  return w;
}

bool contains_run(const words_t& haystack, const words_t& needle, bool loose) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool all = true;
    for (std::size_t j = 0; j < needle.size() && all; ++j)
      all = loose ? singular(haystack[i + j]) == singular(needle[j]) : haystack[i + j] == needle[j];
    if (all) return true;
  }
  return false;
}

bool has(const words_t& w, std::string_view a, std::string_view b = {}) {
  for (std::size_t i = 0; i < w.size(); ++i)
    if (w[i] == a && (b.empty() || (i + 1 < w.size() && w[i + 1] == b))) return true;
  return false;
}

time_range last_days(int n, std::int64_t now, std::string label) {
  // Whole days, today included, so a per-day series has n bars.
  return {std::move(label), day_start(now) - (n - 1) * day, now + 1};
}

std::optional<time_range> read_range(const words_t& w, std::int64_t now) {
  using namespace std::chrono;
  const std::int64_t today = day_start(now);
  if (has(w, "all", "time") || has(w, "ever") || has(w, "overall") || has(w, "since", "launch"))
    return time_range{"all time", 0, now + 1};
  if (has(w, "today")) return time_range{"today", today, now + 1};
  if (has(w, "yesterday")) return time_range{"yesterday", today - day, today};
  if (has(w, "24", "hours")) return time_range{"the last 24 hours", now - day, now + 1};
  // "last|past N days|weeks|months"
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    if (w[i] != "last" && w[i] != "past") continue;
    const auto n = number_word(w[i + 1]);
    if (!n || *n < 1 || *n > 3650) continue;
    const std::string& unit = w[i + 2];
    const std::string count = std::to_string(*n);
    if (unit.starts_with("day")) return last_days(*n, now, "the last " + count + " days");
    if (unit.starts_with("week")) return last_days(*n * 7, now, "the last " + count + " weeks");
    if (unit.starts_with("month")) return last_days(*n * 30, now, "the last " + count + " months");
  }
  const std::int64_t monday = today - ((today / day + 3) % 7) * day;  // 1970-01-01 was a Thursday
  if (has(w, "this", "week") || has(w, "current", "week"))
    return time_range{"this week", monday, now + 1};
  if (has(w, "last", "week") || has(w, "previous", "week"))
    return time_range{"last week", monday - 7 * day, monday};
  if (has(w, "past", "week")) return last_days(7, now, "the last 7 days");
  const auto ymd = civil(now);
  const auto month_start = unix_of(ymd.year() / ymd.month() / 1);
  if (has(w, "this", "month") || has(w, "current", "month"))
    return time_range{"this month", month_start, now + 1};
  if (has(w, "last", "month") || has(w, "previous", "month")) {
    const auto previous = year_month(ymd.year() / ymd.month()) - months(1);
    return time_range{"last month", unix_of(previous / 1), month_start};
  }
  if (has(w, "past", "month")) return last_days(30, now, "the last 30 days");
  const auto year_start = unix_of(ymd.year() / January / 1);
  if (has(w, "this", "year")) return time_range{"this year", year_start, now + 1};
  if (has(w, "last", "year") || has(w, "previous", "year"))
    return time_range{"last year", unix_of((ymd.year() - years(1)) / January / 1), year_start};
  if (has(w, "past", "year")) return last_days(365, now, "the last 365 days");
  // "in 2025": a year between 2000 and this one.
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] != "in" && w[i] != "during" && w[i] != "of") continue;
    const auto n = number_word(w[i + 1]);
    if (!n || *n < 2000 || *n > static_cast<int>(ymd.year())) continue;
    const year y{*n};
    return time_range{"in " + w[i + 1], unix_of(y / January / 1),
                      std::min(now + 1, unix_of((y + years(1)) / January / 1))};
  }
  return std::nullopt;
}

std::optional<auth::tier> read_tier(const words_t& w) {
  if (has(w, "basic")) return auth::tier::basic;
  if (has(w, "standard")) return auth::tier::standard;
  if (has(w, "premium")) return auth::tier::premium;
  return std::nullopt;
}

std::optional<int> read_channel_number(const words_t& w) {
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] != "channel" && w[i] != "ch" && w[i] != "channels") continue;
    std::size_t j = i + 1;
    if (w[j] == "number" || w[j] == "no") ++j;
    if (j >= w.size()) break;
    if (const auto n = number_word(w[j]); n && *n > 0) return n;
  }
  return std::nullopt;
}

std::optional<std::string> read_quoted(std::string_view q) {
  // "…", “…”, «…» or '…' (the last only around two or more characters).
  static const std::array<std::pair<std::string_view, std::string_view>, 4> pairs{
      {{"\"", "\""}, {"\u201C", "\u201D"}, {"\u00AB", "\u00BB"}, {"'", "'"}}};
  for (const auto& [open, close] : pairs) {
    const auto a = q.find(open);
    if (a == std::string_view::npos) continue;
    const auto from = a + open.size();
    const auto b = q.find(close, from);
    if (b == std::string_view::npos || b - from < 2) continue;
    return std::string(q.substr(from, b - from));
  }
  return std::nullopt;
}

bool is_unit(const std::string& w) {
  for (std::string_view u :
       {"day", "days", "week", "weeks", "month", "months", "year", "years", "hours"})
    if (w == u) return true;
  return false;
}

// Marks the run of `needle` in `haystack` (first occurrence) as removed.
void remove_run(const words_t& haystack, const words_t& needle, std::vector<bool>& removed) {
  for (std::size_t i = 0; i + needle.size() <= haystack.size() && !needle.empty(); ++i) {
    bool all = true;
    for (std::size_t j = 0; j < needle.size() && all; ++j)
      all = singular(haystack[i + j]) == singular(needle[j]);
    if (!all) continue;
    for (std::size_t j = 0; j < needle.size(); ++j) removed[i + j] = true;
    return;
  }
}

}  // namespace

std::string without_details(std::string_view question, const vocabulary& names) {
  std::string q(question);
  if (const auto quoted = read_quoted(q)) {
    const auto at = q.find(*quoted);
    q.replace(at, quoted->size(), " title ");
  }
  const auto w = text::words(q);
  std::vector<bool> removed(w.size(), false);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto& x = w[i];
    const bool next_is_unit = i + 1 < w.size() && is_unit(w[i + 1]);
    if (x == "basic" || x == "standard" || x == "premium" || x == "today" || x == "yesterday" ||
        x == "ever" || x == "overall")
      removed[i] = true;
    else if ((x == "this" || x == "last" || x == "past" || x == "previous" || x == "current") &&
             i + 1 < w.size()) {
      if (next_is_unit) removed[i] = removed[i + 1] = true;
      if (i + 2 < w.size() && number_word(w[i + 1]) && is_unit(w[i + 2]))
        removed[i] = removed[i + 1] = removed[i + 2] = true;
    } else if (x == "all" && i + 1 < w.size() && w[i + 1] == "time")
      removed[i] = removed[i + 1] = true;
    else if ((x == "in" || x == "during") && i + 1 < w.size()) {
      if (const auto n = number_word(w[i + 1]); n && *n >= 2000 && *n <= 2200)
        removed[i] = removed[i + 1] = true;
    } else if ((x == "channel" || x == "ch") && i + 1 < w.size() && number_word(w[i + 1]))
      removed[i + 1] = true;
  }
  const auto folded = text::fold(q);
  std::vector<std::string> genre_names;
  for (const auto& g : names.genres) {
    genre_names.push_back(text::fold(g.name));
    genre_names.push_back(text::fold(g.slug));
  }
  if (const auto i = longest_mention(folded, genre_names); i != std::string::npos)
    remove_run(w, text::words(genre_names[i]), removed);
  std::vector<std::string> channel_names;
  for (const auto& c : names.channels) channel_names.push_back(text::fold(c.name));
  // A channel named by its name reads as "channel", as one named by its number does.
  std::vector<bool> channel_at(w.size(), false);
  if (const auto i = longest_mention(folded, channel_names); i != std::string::npos) {
    const auto before = removed;
    remove_run(w, text::words(channel_names[i]), removed);
    for (std::size_t j = 0; j < w.size(); ++j)
      if (removed[j] && !before[j]) {
        channel_at[j] = true;
        break;
      }
  }
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (!removed[i] || channel_at[i])
      out += (out.empty() ? "" : " ") + (channel_at[i] ? std::string("channel") : w[i]);
  return out.empty() ? folded : out;
}

std::size_t longest_mention(std::string_view folded_question,
                            const std::vector<std::string>& folded_names) {
  const auto words = text::words(folded_question);
  std::size_t best = std::string::npos, best_length = 0;
  for (std::size_t i = 0; i < folded_names.size(); ++i) {
    const auto& name = folded_names[i];
    if (name.size() <= best_length || name.size() < 3) continue;
    if (contains_run(words, text::words(name), true)) {
      best = i;
      best_length = name.size();
    }
  }
  return best;
}

time_range default_range(std::string_view spec, std::int64_t now) {
  if (spec == "all") return {"all time", 0, now + 1};
  int n = 30;
  std::from_chars(spec.data(), spec.data() + spec.size(), n);
  return last_days(n, now, "the last " + std::to_string(n) + " days");
}

question_details read_details(std::string_view question, const vocabulary& names,
                              std::int64_t now) {
  question_details d;
  d.quoted = read_quoted(question);
  const auto w = text::words(question);
  d.range = read_range(w, now);
  d.tier = read_tier(w);
  const auto folded = text::fold(question);

  // A genre by its name or its slug ("Science Fiction", "sci-fi").
  std::vector<std::string> genre_names;
  for (const auto& g : names.genres) {
    genre_names.push_back(text::fold(g.name));
    genre_names.push_back(text::fold(g.slug));
  }
  if (const auto i = longest_mention(folded, genre_names); i != std::string::npos)
    d.genre = names.genres[i / 2];

  d.channel_number = read_channel_number(w);
  if (d.channel_number) {
    for (const auto& c : names.channels)
      if (c.number == *d.channel_number) d.channel = c;
  } else {
    std::vector<std::string> channel_names;
    for (const auto& c : names.channels) channel_names.push_back(text::fold(c.name));
    // A channel named like a genre ("Comedy") is the channel only when the word
    // "channel" is there.
    if (const auto i = longest_mention(folded, channel_names);
        i != std::string::npos && (has(w, "channel") || !d.genre))
      d.channel = names.channels[i];
  }
  return d;
}

}  // namespace kinora::insights
