#include "insights/insights_service.hpp"

#include <algorithm>
#include <chrono>

#include "auth/entitlement.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "insights/answer_sentence.hpp"
#include "insights/question_reader.hpp"

namespace kinora::insights {

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t longest_series_days = 92;

bool takes(const question_template& t, detail d) {
  return std::find(t.takes.begin(), t.takes.end(), d) != t.takes.end();
}
bool needs(const question_template& t, detail d) {
  return std::find(t.needs.begin(), t.needs.end(), d) != t.needs.end();
}

vocabulary load_vocabulary(storage::connection& c) {
  vocabulary v;
  for (const auto& r : c.query("SELECT id, slug, name FROM genres ORDER BY id"))
    v.genres.push_back({r.i64(0), r.text(1), r.text(2)});
  for (const auto& r : c.query("SELECT id, number, name FROM channels ORDER BY number"))
    v.channels.push_back({r.i64(0), static_cast<int>(r.i64(1)), r.text(2)});
  return v;
}

// A question that names a detail a template cannot use, or lacks one it needs (without
// even the word for it), is probably about another template.
double fit(const question_template& t, const question_details& d,
           const std::vector<std::string>& words) {
  auto said = [&](std::initializer_list<std::string_view> any) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::find(any.begin(), any.end(), w) != any.end();
    });
  };
  double penalty = 0;
  if (needs(t, detail::channel) && !d.channel && !d.channel_number && !said({"channel", "ch"}))
    penalty += 0.1;
  if (needs(t, detail::title) && !d.quoted && !said({"title", "series", "movie", "film", "show"}))
    penalty += 0.1;
  if ((d.channel || d.channel_number) && !takes(t, detail::channel)) penalty += 0.1;
  if (d.quoted && !takes(t, detail::title)) penalty += 0.1;
  if (d.genre && !takes(t, detail::genre)) penalty += 0.05;
  if (d.tier && !takes(t, detail::tier)) penalty += 0.05;
  return penalty;
}

error needs_detail(std::string message) {
  error e = fail(errc::validation, message);
  e.fields.push_back({"question", std::move(message)});
  return e;
}

// Only what the template uses is kept, so the answer shows what was applied.
question_details applied(const question_template& t, question_details d, std::int64_t now) {
  question_details out;
  if (takes(t, detail::range)) {
    out.range = d.range ? *d.range : default_range(t.default_range, now);
    if ((t.shape == row_shape::days) &&
        out.range->to - out.range->from > longest_series_days * day) {
      out.range->from = std::max(out.range->from,
                                 (out.range->to - 1) / day * day - (longest_series_days - 1) * day);
      out.range->label = "the last " + std::to_string(longest_series_days) + " days";
    }
  }
  if (takes(t, detail::tier)) out.tier = d.tier;
  if (takes(t, detail::genre)) out.genre = d.genre;
  if (takes(t, detail::channel)) out.channel = d.channel;
  if (takes(t, detail::title)) out.title = d.title;
  return out;
}

std::string day_text(std::int64_t day_index) {
  return format_rfc3339(day_index * day).substr(0, 10);
}

// Series get every day (or hour) of the range, zero where nothing happened.
std::vector<std::vector<storage::value>> shaped(const question_template& t,
                                                const question_details& d,
                                                const storage::rows& found) {
  std::vector<std::vector<storage::value>> out;
  const std::size_t width = t.columns.size();
  auto copy = [&](const storage::row& r) {
    std::vector<storage::value> cells;
    for (std::size_t i = 0; i < width; ++i) {
      if (r.is_null(i))
        cells.emplace_back(storage::null);
      else if (t.columns[i].kind == column_kind::text)
        cells.emplace_back(r.text(i));
      else if (t.columns[i].kind == column_kind::integer)
        cells.emplace_back(r.i64(i));
      else
        cells.emplace_back(r.f64(i));
    }
    return cells;
  };
  if (t.shape == row_shape::days && d.range) {
    const std::int64_t first = d.range->from / day, last = (d.range->to - 1) / day;
    for (std::int64_t i = first; i <= last; ++i) out.push_back({day_text(i), std::int64_t{0}});
    for (const auto& r : found) {
      const auto index = r.i64(0) - first;
      if (index >= 0 && index < static_cast<std::int64_t>(out.size()))
        out[static_cast<std::size_t>(index)][1] = r.i64(1);
    }
    return out;
  }
  if (t.shape == row_shape::hours) {
    for (int h = 0; h < 24; ++h) {
      char label[16];  // room for any int: the sanitizer builds lose h's range and warn
      std::snprintf(label, sizeof label, "%02d:00", h);
      out.push_back({std::string(label), std::int64_t{0}});
    }
    for (const auto& r : found)
      if (const auto h = r.i64(0); h >= 0 && h < 24) out[static_cast<std::size_t>(h)][1] = r.i64(1);
    return out;
  }
  for (const auto& r : found) out.push_back(copy(r));
  return out;
}

}  // namespace

insights_service::insights_service(storage::database& db, const ai::encoder* encoder,
                                   const clock& clk, std::function<void()> before_reading)
    : db_(db), clock_(clk), before_reading_(std::move(before_reading)), matcher_(encoder) {}

status insights_service::resolve_title(storage::connection& c, std::string_view question,
                                       question_details& d) const {
  if (d.quoted) {
    const auto rs =
        c.query("SELECT id, title FROM titles WHERE search_name = $1 ORDER BY id LIMIT 1",
                {text::fold(*d.quoted)});
    if (rs.empty()) return needs_detail("No title is called \u201C" + *d.quoted + "\u201D.");
    d.title = named_title{rs.front().i64(0), rs.front().text(1)};
    return ok();
  }
  // Unquoted: the longest title name the question contains as whole words.
  std::vector<named_title> titles;
  std::vector<std::string> names;
  for (const auto& r : c.query("SELECT id, title, search_name FROM titles")) {
    titles.push_back({r.i64(0), r.text(1)});
    names.push_back(r.text(2));
  }
  const auto folded = text::fold(question);
  if (const auto i = longest_mention(folded, names); i != std::string::npos && names[i].size() >= 4)
    d.title = titles[i];
  return ok();
}

result<answer> insights_service::ask(std::string_view question) {
  const auto started = std::chrono::steady_clock::now();
  const auto now = clock_.now_unix();
  auto conn = db_.acquire();
  const auto names = load_vocabulary(*conn);
  auto details = read_details(question, names, now);

  auto ranked = matcher_.rank(without_details(question, names));
  const auto words = text::words(question);
  for (auto& s : ranked) s.similarity -= fit(*s.tmpl, details, words);
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const template_score& a, const template_score& b) { return a.similarity > b.similarity; });

  answer out;
  out.question = std::string(question);
  out.by_encoder = matcher_.uses_encoder();
  out.similarity = ranked.front().similarity;
  out.matched = out.similarity >= matcher_.threshold();
  const std::size_t skip = out.matched ? 1 : 0;
  for (std::size_t i = skip; i < ranked.size() && out.suggestions.size() < 3; ++i)
    out.suggestions.push_back(ranked[i]);
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
        .count();
  };
  if (!out.matched) {
    out.sentence =
        "That is not close enough to a question I can answer; try one of the closest below.";
    out.elapsed_ms = elapsed();
    return out;
  }

  const auto& t = *ranked.front().tmpl;
  out.tmpl = &t;
  if (takes(t, detail::title))
    if (auto st = resolve_title(*conn, question, details); !st) return st.err();
  if (needs(t, detail::title) && !details.title) {
    const auto popular = conn->query("SELECT title FROM titles ORDER BY popularity DESC LIMIT 1");
    return needs_detail("Name the title in quotes, for example \u201C" + t.examples.front() +
                        " \"" + (popular.empty() ? "Title" : popular.front().text(0)) +
                        "\"\u201D.");
  }
  if (needs(t, detail::channel) && !details.channel) {
    if (details.channel_number)
      return needs_detail("There is no channel " + std::to_string(*details.channel_number) + ".");
    const int example = names.channels.empty() ? 1 : names.channels.front().number;
    return needs_detail(
        "Name the channel by its number, for example \u201Cplays per day on channel " +
        std::to_string(example) + "\u201D.");
  }
  out.details = applied(t, std::move(details), now);
  const auto& d = out.details;

  if (before_reading_) before_reading_();
  const std::string sql =
      "WITH p AS (SELECT CAST($1 AS BIGINT) AS from_at, CAST($2 AS BIGINT) AS to_at,"
      " CAST($3 AS TEXT) AS tier, CAST($4 AS BIGINT) AS genre_id, CAST($5 AS BIGINT) AS"
      " channel_id, CAST($6 AS BIGINT) AS title_id) " +
      t.sql;
  const auto found = conn->query(
      sql, {d.range ? d.range->from : std::int64_t{0}, d.range ? d.range->to : now + 1,
            d.tier ? std::string(auth::to_string(*d.tier)) : std::string(),
            d.genre ? d.genre->id : std::int64_t{0}, d.channel ? d.channel->id : std::int64_t{0},
            d.title ? d.title->id : std::int64_t{0}});
  out.rows = shaped(t, d, found);
  out.sentence = answer_sentence(t, d, out.rows);
  out.elapsed_ms = elapsed();
  return out;
}

}  // namespace kinora::insights
