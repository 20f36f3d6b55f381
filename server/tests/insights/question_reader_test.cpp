#include "insights/question_reader.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "insights/answer_sentence.hpp"
#include "insights/question_matcher.hpp"

namespace kinora::insights {
namespace {

// Sunday 2026-12-06 22:30:00 UTC.
constexpr std::int64_t now = 1796596200;
constexpr std::int64_t day = 86400;

const vocabulary names{{{1, "comedy", "Comedy"}, {2, "sci-fi", "Science Fiction"}},
                       {{7, 101, "Meridian News 24"}, {8, 112, "Parade Channel"}}};

TEST(QuestionReader, TimeRanges) {
  ASSERT_EQ(format_rfc3339(now), "2026-12-06T22:30:00Z");
  auto range = [](std::string_view q) { return read_details(q, names, now).range; };
  const auto week = range("most played titles this week");
  ASSERT_TRUE(week);
  EXPECT_EQ(week->label, "this week");
  EXPECT_EQ(format_rfc3339(week->from), "2026-11-30T00:00:00Z");  // Monday
  EXPECT_EQ(week->to, now + 1);
  const auto last_week = range("plays last week");
  EXPECT_EQ(format_rfc3339(last_week->from), "2026-11-23T00:00:00Z");
  EXPECT_EQ(format_rfc3339(last_week->to), "2026-11-30T00:00:00Z");
  const auto days = range("searches in the past 14 days");
  EXPECT_EQ(days->label, "the last 14 days");
  EXPECT_EQ(days->from, now / day * day - 13 * day);
  EXPECT_EQ(range("plays in the last three weeks")->label, "the last 3 weeks");
  EXPECT_EQ(format_rfc3339(range("sign-ups last month")->from), "2026-11-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(range("sign-ups last month")->to), "2026-12-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(range("plays yesterday")->from), "2026-12-05T00:00:00Z");
  EXPECT_EQ(format_rfc3339(range("top titles in 2025")->to), "2026-01-01T00:00:00Z");
  EXPECT_EQ(range("best rated titles of all time")->from, 0);
  EXPECT_FALSE(range("most played titles"));
  EXPECT_FALSE(range("titles from 1999"));  // a year in a title is not a range
}

TEST(QuestionReader, TierGenreAndChannel) {
  const auto d = read_details("which comedies do Basic viewers finish on channel 112?", names, now);
  EXPECT_EQ(d.tier, auth::tier::basic);
  ASSERT_TRUE(d.genre);
  EXPECT_EQ(d.genre->slug, "comedy");
  ASSERT_TRUE(d.channel);
  EXPECT_EQ(d.channel->id, 8);
  EXPECT_EQ(read_details("sci-fi plays", names, now).genre->name, "Science Fiction");
  EXPECT_EQ(read_details("how many watch meridian news 24 each day", names, now).channel->number,
            101);
  const auto unknown = read_details("plays per day on channel 999", names, now);
  EXPECT_FALSE(unknown.channel);
  EXPECT_EQ(unknown.channel_number, 999);
  EXPECT_EQ(read_details("plays of \u201CThe Long Night\u201D", names, now).quoted,
            "The Long Night");
  EXPECT_EQ(read_details("plays of \"Up\"", names, now).quoted, "Up");
}

TEST(QuestionReader, DetailsAreLeftOutForMatching) {
  EXPECT_EQ(without_details("Most played Comedy titles this week among premium viewers", names),
            "most played titles among viewers");
  EXPECT_EQ(without_details("plays per day on channel 101", names), "plays per day on channel");
  EXPECT_EQ(without_details("how many watch Meridian News 24 each day", names),
            "how many watch channel each day");
  EXPECT_EQ(without_details("plays per day of \"Big Buck Bunny\" in 2025", names),
            "plays per day of title");
}

TEST(QuestionMatcher, LexicalFallbackFindsTheTemplate) {
  const question_matcher m(nullptr);
  EXPECT_FALSE(m.uses_encoder());
  const auto ranked = m.rank("searches that found nothing");
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked.front().tmpl->id, "searches-without-results");
  EXPECT_DOUBLE_EQ(ranked.front().similarity, 1.0);
  EXPECT_LT(m.rank("purple elephants dancing").front().similarity, m.threshold());
  // Every template once, closest first.
  EXPECT_EQ(ranked.size(), question_templates().size());
  for (std::size_t i = 1; i < ranked.size(); ++i)
    EXPECT_GE(ranked[i - 1].similarity, ranked[i].similarity);
}

TEST(AnswerSentence, SaysTheFiguresInWords) {
  const auto* top = find_template("top-titles-by-plays");
  ASSERT_NE(top, nullptr);
  question_details d;
  d.range = time_range{"this week", 0, 1};
  d.tier = auth::tier::basic;
  EXPECT_EQ(answer_sentence(*top, d,
                            {{std::string("Sintel"), std::int64_t{5}},
                             {std::string("Tears of Steel"), std::int64_t{1}}}),
            "Most played titles this week among Basic viewers: \u201CSintel\u201D first with 5 "
            "plays, then \u201CTears of Steel\u201D (1).");
  EXPECT_EQ(answer_sentence(*top, d, {{std::string("Sintel"), std::int64_t{1}}}),
            "Most played titles this week among Basic viewers: \u201CSintel\u201D first with 1 "
            "play.");
  EXPECT_EQ(answer_sentence(*top, d, {}),
            "Most played titles this week among Basic viewers: nothing recorded yet.");

  const auto* daily = find_template("searches-per-day");
  question_details month;
  month.range = time_range{"the last 30 days", 0, 1};
  EXPECT_EQ(answer_sentence(*daily, month,
                            {{std::string("2026-12-05"), std::int64_t{1}},
                             {std::string("2026-12-06"), std::int64_t{3}}}),
            "4 searches in the last 30 days, the most on 2026-12-06 (3).");
  EXPECT_EQ(answer_sentence(*daily, month, {{std::string("2026-12-06"), std::int64_t{0}}}),
            "No searches in the last 30 days.");

  const auto* genres = find_template("completion-by-genre");
  EXPECT_EQ(answer_sentence(*genres, month,
                            {{std::string("Drama"), std::int64_t{4}, std::int64_t{3}, 75.0}}),
            "Completion by genre in the last 30 days: Drama first with 75.0% finished.");
}

}  // namespace
}  // namespace kinora::insights
