#include "insights/answer_sentence.hpp"

#include <cmath>
#include <cstdio>

#include "auth/entitlement.hpp"

namespace kinora::insights {

namespace {

using storage::value;

double number_of(const value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return 0;
}

std::string text_of(const value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *d);
    return buf;
  }
  return "—";
}

std::string figure(const value& v, column_kind kind) {
  if (kind == column_kind::percent) return text_of(value{number_of(v)}) + "%";
  if (kind == column_kind::hours || kind == column_kind::number)
    return text_of(value{number_of(v)});
  return text_of(v);
}

// "1 play", "2 plays"; "1 search", "2 searches".
std::string counted(const value& v, column_kind kind, const std::string& noun) {
  const auto n = figure(v, kind);
  if (kind == column_kind::percent) return n + " " + noun;
  if (n != "1" || noun.empty()) return n + " " + noun;
  const auto space = noun.find(' ');
  auto first = noun.substr(0, space);
  const auto rest = space == std::string::npos ? std::string() : noun.substr(space);
  if (first.ends_with("ches"))
    first.resize(first.size() - 2);
  else if (first.ends_with('s') && first != "thumbs")
    first.pop_back();
  return n + " " + first + rest;
}

std::string label_of(const question_template& t, const value& v) {
  const auto& key = t.columns.front().key;
  const auto s = text_of(v);
  return key == "title" || key == "query" ? "\u201C" + s + "\u201D" : s;
}

std::string when_phrase(const question_details& d) {
  if (!d.range) return "";
  const auto& l = d.range->label;
  if (l == "all time") return " overall";
  if (l.starts_with("the ")) return " in " + l;
  return " " + l;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::string scope_phrase(const question_details& d) {
  std::string out = when_phrase(d);
  if (d.tier) out += " among " + capitalised(std::string(auth::to_string(*d.tier))) + " viewers";
  if (d.genre) out += " in " + d.genre->name;
  if (d.channel) out += " on channel " + std::to_string(d.channel->number) + " " + d.channel->name;
  if (d.title) out += " for \u201C" + d.title->title + "\u201D";
  return out;
}

std::string answer_sentence(const question_template& t, const question_details& d,
                            const std::vector<std::vector<value>>& rows) {
  const auto scope = scope_phrase(d);
  const auto& value_column = t.columns.back();
  const std::size_t v = t.columns.size() - 1;
  double total = 0;
  for (const auto& r : rows) total += number_of(r[v]);

  switch (t.shape) {
    case row_shape::ranking: {
      if (rows.empty()) return t.title + scope + ": nothing recorded yet.";
      std::string s = t.title + scope + ": " + label_of(t, rows[0][0]) + " first with " +
                      counted(rows[0][v], value_column.kind, t.noun);
      if (rows.size() > 1)
        s += ", then " + label_of(t, rows[1][0]) + " (" + figure(rows[1][v], value_column.kind) +
             ")";
      return s + ".";
    }
    case row_shape::days:
    case row_shape::hours: {
      if (total == 0) return "No " + t.noun + scope + ".";
      std::size_t peak = 0;
      for (std::size_t i = 1; i < rows.size(); ++i)
        if (number_of(rows[i][v]) > number_of(rows[peak][v])) peak = i;
      const std::string when = t.shape == row_shape::days ? "on " + text_of(rows[peak][0])
                                                          : "at " + text_of(rows[peak][0]) + " UTC";
      if (!t.additive)
        return t.title + scope + ": at most " + counted(rows[peak][v], value_column.kind, t.noun) +
               ", " + when + ".";
      return capitalised(
                 counted(value{static_cast<std::int64_t>(total)}, value_column.kind, t.noun)) +
             scope + ", the most " + when + " (" + figure(rows[peak][v], value_column.kind) + ").";
    }
    case row_shape::breakdown: {
      std::string s = t.title + scope + ": ";
      for (std::size_t i = 0; i < rows.size(); ++i)
        s += (i ? ", " : "") + text_of(rows[i][0]) + " " + figure(rows[i][v], value_column.kind);
      return s + ".";
    }
    case row_shape::list: {
      if (rows.empty()) return t.title + scope + ": none.";
      if (value_column.kind == column_kind::percent) {
        std::string s = t.title + scope + ": " + text_of(rows.front()[0]) + " " +
                        figure(rows.front()[v], value_column.kind) + " " + t.noun;
        if (rows.size() > 1)
          s += ", down to " + text_of(rows.back()[0]) + " " +
               figure(rows.back()[v], value_column.kind);
        return s + ".";
      }
      return t.title + scope + ": " + std::to_string(rows.size()) +
             (rows.size() >= 100 ? " or more " : " ") + t.noun + ", first " +
             label_of(t, rows[0][0]) + ".";
    }
  }
  return t.title + ".";
}

}  // namespace kinora::insights
