#include "epg/epg_service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "../support/test_database.hpp"
#include "auth/account_store.hpp"
#include "auth/entitlement.hpp"
#include "epg/channel_logo.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::epg {
namespace {

constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 86400;
// 2026-11-24T07:10:00Z; the demo schedule starts that day at 00:00 UTC.
constexpr std::int64_t start = 1'795'504'200;
constexpr std::int64_t day_start = start / day * day;

class epg_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    seed::seed_catalog(db(), clock_);
    basic_ = make_viewer("basic@example.test", auth::tier::basic, auth::maturity::age18);
    standard_ = make_viewer("standard@example.test", auth::tier::standard, auth::maturity::age18);
    kids_ = make_viewer("kids@example.test", auth::tier::premium, auth::maturity::age7, true);
    service_ = std::make_unique<epg_service>(db(), clock_, seed::demo_channel_slugs());
  }

  auth::viewer make_viewer(const std::string& email, auth::tier t, auth::maturity ceiling,
                           bool kids = false) {
    auto c = db().acquire();
    auth::viewer v;
    v.account_id = auth::account_store::insert_account(*c, email, "x", t, false, 0);
    auth::profile p;
    p.account_id = v.account_id;
    p.name = "Viewer";
    p.kids = kids;
    p.ceiling = ceiling;
    v.profile_id = auth::account_store::insert_profile(*c, p);
    v.tier = t;
    v.ceiling = ceiling;
    v.kids = kids;
    return v;
  }

  std::int64_t channel_id(const std::string& slug) {
    auto c = db().acquire();
    return c->query("SELECT id FROM channels WHERE slug = $1", {slug}).front().i64(0);
  }

  // (start, end) of a channel's programmes, in order.
  std::vector<std::pair<std::int64_t, std::int64_t>> slots(std::int64_t channel) {
    auto c = db().acquire();
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& r :
         c->query("SELECT start_at, end_at FROM programmes WHERE channel_id = $1 ORDER BY start_at",
                  {channel}))
      out.emplace_back(r.i64(0), r.i64(1));
    return out;
  }

  // Every channel's schedule is back to back from `from` on: no gap, no overlap.
  void expect_contiguous(std::int64_t from) {
    auto c = db().acquire();
    for (const auto& r : c->query("SELECT id FROM channels ORDER BY id")) {
      const auto s = slots(r.i64(0));
      ASSERT_FALSE(s.empty());
      for (std::size_t i = 1; i < s.size(); ++i) {
        EXPECT_LE(s[i - 1].second, s[i].first) << "overlap on channel " << r.i64(0);
        if (s[i - 1].second >= from) {
          EXPECT_EQ(s[i - 1].second, s[i].first) << "gap on channel " << r.i64(0);
        }
      }
    }
  }

  // When the first of the channels' schedules ends.
  std::int64_t earliest_end() {
    auto c = db().acquire();
    return c
        ->query(
            "SELECT MIN(e) FROM (SELECT MAX(end_at) AS e FROM programmes GROUP BY channel_id) x")
        .front()
        .i64(0);
  }

  manual_clock clock_{sys_seconds{std::chrono::seconds{start}}};
  logger log_{log_level::error};
  auth::viewer basic_, standard_, kids_;
  std::unique_ptr<epg_service> service_;
};

channel_query page(std::int64_t limit, std::int64_t offset = 0,
                   favorites_mode mode = favorites_mode::all) {
  channel_query q;
  q.limit = limit;
  q.offset = offset;
  q.favorites = mode;
  return q;
}

std::vector<std::int64_t> ids(const std::vector<channel>& list) {
  std::vector<std::int64_t> out;
  for (const auto& c : list) out.push_back(c.id);
  return out;
}

TEST_P(epg_suite, channels_follow_the_visibility_rule) {
  const auto basic = service_->channels(basic_, page(200));
  EXPECT_EQ(basic.total, 15);
  EXPECT_EQ(basic.items.size(), 15u);
  for (const auto& ch : basic.items) EXPECT_EQ(ch.tier, auth::tier::basic);
  EXPECT_EQ(service_->channels(standard_, page(200)).total, 25);
  // A kids profile (7+) sees only channels rated all or 7+.
  const auto kids = service_->channels(kids_, page(200));
  EXPECT_EQ(kids.total, 6);
  for (const auto& ch : kids.items)
    EXPECT_LE(auth::rank(ch.maturity), auth::rank(auth::maturity::age7));

  // Ordered by number; totals count what the profile sees, pages cut it.
  const auto second = service_->channels(basic_, page(10, 10));
  EXPECT_EQ(second.total, 15);
  EXPECT_EQ(second.items.size(), 5u);
  for (std::size_t i = 1; i < basic.items.size(); ++i)
    EXPECT_LT(basic.items[i - 1].number, basic.items[i].number);

  auto news = page(200);
  news.category = "news";
  EXPECT_EQ(service_->channels(basic_, news).total, 2);
  EXPECT_EQ(service_->channels(standard_, news).total, 3);

  // Hidden channels answer "not found" on direct access.
  const auto nightjar = channel_id("nightjar");  // standard tier
  EXPECT_EQ(service_->find_channel(basic_, nightjar).err().code, errc::not_found);
  EXPECT_TRUE(service_->find_channel(standard_, nightjar).ok());
  EXPECT_EQ(service_->channel_schedule(basic_, nightjar, {}).err().code, errc::not_found);
  EXPECT_EQ(service_->put_favorite(basic_, nightjar, std::nullopt).err().code, errc::not_found);
  EXPECT_EQ(service_->remove_favorite(basic_, nightjar).err().code, errc::not_found);
  const auto news24 = channel_id("meridian-news-24");  // 13+
  EXPECT_EQ(service_->channel_schedule(kids_, news24, {}).err().code, errc::not_found);
  EXPECT_EQ(service_->find_channel(basic_, 999999).err().code, errc::not_found);
  // The public logo draws any channel.
  EXPECT_TRUE(service_->any_channel(nightjar).ok());
}

TEST_P(epg_suite, grid_pages_channels_and_clips_programmes_to_the_window) {
  const window_request w{start, start + 3 * hour};
  const auto first = service_->channel_grid(standard_, w, page(10));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->window.from, start);
  EXPECT_EQ(first->window.to, start + 3 * hour);
  EXPECT_EQ(first->page.total, 25);
  ASSERT_EQ(first->page.items.size(), 10u);
  const auto last = service_->channel_grid(standard_, w, page(10, 20));
  ASSERT_EQ(last->page.items.size(), 5u);
  EXPECT_GT(last->page.items.front().ch.number, first->page.items.back().ch.number);

  for (const auto* g : {&*first, &*last}) {
    for (const auto& row : g->page.items) {
      const auto& ps = row.programmes;
      ASSERT_FALSE(ps.empty()) << row.ch.slug;
      // The window is covered exactly: the first programme is on at `from` (it may have
      // started before), the last one still on at `to`, back to back in between.
      EXPECT_LE(ps.front().start_at, start);
      EXPECT_GT(ps.front().end_at, start);
      EXPECT_GE(ps.back().end_at, start + 3 * hour);
      EXPECT_LT(ps.back().start_at, start + 3 * hour);
      for (std::size_t i = 0; i < ps.size(); ++i) {
        EXPECT_EQ(ps[i].channel_id, row.ch.id);
        if (i > 0) {
          EXPECT_EQ(ps[i - 1].end_at, ps[i].start_at);
        }
      }
    }
  }

  // The same programmes as each channel's own schedule.
  const auto& row = first->page.items.front();
  const auto own = service_->channel_schedule(standard_, row.ch.id, w);
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->programmes.size(), row.programmes.size());
  for (std::size_t i = 0; i < row.programmes.size(); ++i)
    EXPECT_EQ(own->programmes[i].id, row.programmes[i].id);

  // A window where the guide has nothing yet: every channel, no programmes.
  const auto empty =
      service_->channel_grid(standard_, {start + 60 * day, start + 61 * day}, page(5));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->page.items.size(), 5u);
  for (const auto& r : empty->page.items) EXPECT_TRUE(r.programmes.empty());
}

TEST_P(epg_suite, windows_default_to_six_hours_from_the_hour_and_are_checked) {
  const auto w = service_->window({});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->from, start / hour * hour);
  EXPECT_EQ(w->to, w->from + 6 * hour);
  EXPECT_EQ(service_->window({start, std::nullopt})->to, start + 6 * hour);
  EXPECT_TRUE(service_->window({start, start + 7 * day}).ok());

  const auto same = service_->window({start, start});
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.err().code, errc::validation);
  EXPECT_EQ(same.err().fields.front().field, "to");
  EXPECT_EQ(service_->window({start, start - 1}).err().code, errc::validation);
  EXPECT_EQ(service_->window({start, start + 7 * day + 1}).err().code, errc::validation);
  // Only `to`, before the default `from`.
  EXPECT_EQ(service_->window({std::nullopt, start - day}).err().code, errc::validation);
  EXPECT_EQ(service_->channel_grid(basic_, {start, start}, page(10)).err().code, errc::validation);
  EXPECT_EQ(
      service_->channel_schedule(basic_, channel_id("meridian-news-24"), {start, start}).err().code,
      errc::validation);
}

TEST_P(epg_suite, now_and_next) {
  clock_.advance(std::chrono::minutes(7));
  const auto at = clock_.now_unix();
  const auto playing = service_->on_now(standard_, page(200));
  EXPECT_EQ(playing.at, at);
  EXPECT_EQ(playing.page.total, 25);
  ASSERT_EQ(playing.page.items.size(), 25u);
  for (const auto& row : playing.page.items) {
    ASSERT_TRUE(row.now) << row.ch.slug;
    ASSERT_TRUE(row.next) << row.ch.slug;
    EXPECT_EQ(row.now->channel_id, row.ch.id);
    EXPECT_LE(row.now->start_at, at);
    EXPECT_GT(row.now->end_at, at);
    EXPECT_EQ(row.next->start_at, row.now->end_at);
  }
  EXPECT_EQ(service_->on_now(basic_, page(4, 12)).page.items.size(), 3u);

  // Before the guide starts: nothing on, the first programme next.
  clock_.advance(std::chrono::seconds(day_start - 3600 - at));
  const auto early = service_->on_now(standard_, page(1));
  ASSERT_EQ(early.page.items.size(), 1u);
  EXPECT_FALSE(early.page.items[0].now);
  ASSERT_TRUE(early.page.items[0].next);
  EXPECT_EQ(early.page.items[0].next->start_at, day_start);

  // Past its end (nothing rolled): neither.
  clock_.advance(std::chrono::seconds(30 * day));
  for (const auto& row : service_->on_now(standard_, page(200)).page.items) {
    EXPECT_FALSE(row.now);
    EXPECT_FALSE(row.next);
  }
}

TEST_P(epg_suite, favorites_keep_the_profiles_order) {
  const auto a = channel_id("grandstand-one"), b = channel_id("meridian-news-24"),
             c = channel_id("pebble-pals");
  ASSERT_TRUE(service_->put_favorite(basic_, a, std::nullopt).ok());
  ASSERT_TRUE(service_->put_favorite(basic_, b, std::nullopt).ok());
  auto list = service_->put_favorite(basic_, c, std::nullopt);
  ASSERT_TRUE(list.ok());
  auto order = [](const std::vector<favorite>& fs) {
    std::vector<std::int64_t> out;
    for (const auto& f : fs) {
      EXPECT_EQ(f.position, static_cast<std::int64_t>(out.size()));
      EXPECT_TRUE(f.ch.favorite);
      out.push_back(f.ch.id);
    }
    return out;
  };
  EXPECT_EQ(order(*list), (std::vector<std::int64_t>{a, b, c}));
  // Idempotent: again without a position keeps the place.
  EXPECT_EQ(order(*service_->put_favorite(basic_, a, std::nullopt)),
            (std::vector<std::int64_t>{a, b, c}));
  // Moves.
  EXPECT_EQ(order(*service_->put_favorite(basic_, c, 0)), (std::vector<std::int64_t>{c, a, b}));
  EXPECT_EQ(order(*service_->put_favorite(basic_, c, 1)), (std::vector<std::int64_t>{a, c, b}));
  EXPECT_EQ(order(*service_->put_favorite(basic_, a, 99)), (std::vector<std::int64_t>{c, b, a}));
  EXPECT_EQ(order(service_->favorites(basic_)), (std::vector<std::int64_t>{c, b, a}));

  // Favorites first, then the rest by number; or only them.
  const auto first = service_->channels(basic_, page(200, 0, favorites_mode::first));
  EXPECT_EQ(first.total, 15);
  const auto first_ids = ids(first.items);
  EXPECT_EQ((std::vector<std::int64_t>(first_ids.begin(), first_ids.begin() + 3)),
            (std::vector<std::int64_t>{c, b, a}));
  EXPECT_FALSE(first.items[3].favorite);
  const auto only = service_->channels(basic_, page(200, 0, favorites_mode::only));
  EXPECT_EQ(only.total, 3);
  EXPECT_EQ(ids(only.items), (std::vector<std::int64_t>{c, b, a}));
  const auto grid =
      service_->channel_grid(basic_, {start, start + hour}, page(2, 0, favorites_mode::only));
  ASSERT_EQ(grid->page.items.size(), 2u);
  EXPECT_EQ(grid->page.total, 3);
  EXPECT_EQ(grid->page.items[0].ch.id, c);

  // Groups: Favorites first, in their order, then one per category.
  const auto groups = service_->groups(basic_);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].id, "favorites");
  EXPECT_EQ(groups[0].channel_ids, (std::vector<std::int64_t>{c, b, a}));
  std::size_t in_categories = 0;
  std::set<std::string> names;
  for (std::size_t i = 1; i < groups.size(); ++i) {
    EXPECT_EQ(groups[i].kind, "category");
    in_categories += groups[i].channel_ids.size();
    names.insert(groups[i].id);
  }
  EXPECT_EQ(in_categories, 15u);
  EXPECT_EQ(names.size(), groups.size() - 1);
  EXPECT_EQ(groups[1].id, "news");
  EXPECT_EQ(groups[1].name, "News");

  // Each profile has its own.
  EXPECT_TRUE(service_->favorites(standard_).empty());
  EXPECT_EQ(service_->groups(standard_).front().kind, "category");

  // Removing is idempotent for a visible channel.
  ASSERT_TRUE(service_->remove_favorite(basic_, b).ok());
  ASSERT_TRUE(service_->remove_favorite(basic_, b).ok());
  EXPECT_EQ(order(service_->favorites(basic_)), (std::vector<std::int64_t>{c, a}));
  const auto appended = service_->put_favorite(basic_, b, std::nullopt);
  EXPECT_EQ(order(*appended), (std::vector<std::int64_t>{c, a, b}));
}

TEST_P(epg_suite, hidden_favorites_stay_out_of_sight_and_in_place) {
  // A favorite the profile no longer sees (its ceiling was lowered) is not listed.
  const auto sports = channel_id("grandstand-one"), news = channel_id("meridian-news-24"),
             pals = channel_id("pebble-pals");
  for (auto id : {sports, news, pals}) ASSERT_TRUE(service_->put_favorite(basic_, id, {}).ok());
  auto strict = basic_;
  strict.ceiling = auth::maturity::age7;
  auto order = [](const std::vector<favorite>& fs) {
    std::vector<std::int64_t> out;
    for (const auto& f : fs) out.push_back(f.ch.id);
    return out;
  };
  EXPECT_EQ(order(service_->favorites(strict)), (std::vector<std::int64_t>{sports, pals}));
  EXPECT_EQ(order(*service_->put_favorite(strict, pals, 0)),
            (std::vector<std::int64_t>{pals, sports}));
  EXPECT_EQ(order(service_->favorites(basic_)), (std::vector<std::int64_t>{pals, sports, news}));
}

TEST_P(epg_suite, roll_forward_keeps_a_week_ahead_without_gaps_or_overlaps) {
  // The seed ends exactly a week after today's 00:00.
  EXPECT_EQ(earliest_end(), day_start + 7 * day);
  const auto now = clock_.now();
  const auto added = service_->roll_forward(now);
  EXPECT_GT(added, 0);
  EXPECT_GE(earliest_end(), start + 7 * day);
  expect_contiguous(day_start);
  // Idempotent.
  EXPECT_EQ(service_->roll_forward(now), 0);

  // A day repeats the same day of the week before.
  const auto news = channel_id("meridian-news-24");
  {
    auto c = db().acquire();
    const auto rs = c->query(
        "SELECT a.title, b.title FROM programmes a JOIN programmes b ON b.channel_id = "
        "a.channel_id "
        "AND b.start_at = a.start_at + $1 WHERE a.channel_id = $2 AND a.start_at >= $3 AND "
        "a.start_at < $4",
        {7 * day, news, day_start, day_start + day});
    ASSERT_FALSE(rs.empty());
    for (const auto& r : rs) EXPECT_EQ(r.text(0), r.text(1));
  }

  // Three days later.
  clock_.advance(std::chrono::hours(3 * 24));
  EXPECT_GT(service_->roll_forward(clock_.now()), 0);
  EXPECT_GE(earliest_end(), clock_.now_unix() + 7 * day);
  expect_contiguous(day_start);
  EXPECT_EQ(service_->roll_forward(clock_.now()), 0);

  // Six weeks off: the schedule jumps ahead in whole weeks and is whole from a week ago.
  clock_.advance(std::chrono::hours(42 * 24));
  EXPECT_GT(service_->roll_forward(clock_.now()), 0);
  EXPECT_GE(earliest_end(), clock_.now_unix() + 7 * day);
  expect_contiguous(clock_.now_unix() - 7 * day);
  EXPECT_EQ(service_->roll_forward(clock_.now()), 0);
  const auto playing = service_->on_now(standard_, page(200));
  for (const auto& row : playing.page.items) {
    EXPECT_TRUE(row.now) << row.ch.slug;
    EXPECT_TRUE(row.next) << row.ch.slug;
  }
}

TEST_P(epg_suite, roll_forward_only_touches_the_rolling_channels) {
  epg_service one(db(), clock_, {"pebble-pals"});
  EXPECT_GT(one.roll_forward(clock_.now()), 0);
  const auto pals = slots(channel_id("pebble-pals"));
  const auto news = slots(channel_id("meridian-news-24"));
  EXPECT_GE(pals.back().second, start + 7 * day);
  EXPECT_EQ(news.back().second, day_start + 7 * day);
  epg_service none(db(), clock_);
  EXPECT_EQ(none.roll_forward(clock_.now() + std::chrono::hours(24 * 30)), 0);
}

TEST_P(epg_suite, background_rolling_stops_on_request) {
  service_->start_rolling(std::chrono::seconds(3600), log_);
  service_->stop();  // joins at once, without waiting for the hour
  SUCCEED();
}

INSTANTIATE_TEST_SUITE_P(backends, epg_suite, ::testing::ValuesIn(kinora::testing::backends()));

TEST(epg_logo, short_names_and_svg) {
  EXPECT_EQ(short_name("Meridian News 24"), "MN24");
  EXPECT_EQ(short_name("Kettle & Kiln"), "K&K");
  EXPECT_EQ(short_name("Lanternhouse TV"), "LTV");
  EXPECT_EQ(short_name("Nightjar"), "NIGHTJAR");
  EXPECT_EQ(short_name("Überkanal"), "ÜBERKAN");  // cut on a code point boundary
  EXPECT_EQ(short_name(""), "TV");
  channel ch;
  ch.id = 7;
  ch.number = 170;
  ch.slug = "kettle-and-kiln";
  ch.name = "Kettle & Kiln <live>";
  const auto svg = logo_svg(ch);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg.find(">170<"), std::string::npos);
  EXPECT_NE(svg.find("K&amp;K&lt;"), std::string::npos);
  EXPECT_EQ(svg.find("<live>"), std::string::npos);
  ch.slug = "another";
  EXPECT_NE(logo_svg(ch), svg);  // the colour follows the slug
}

}  // namespace
}  // namespace kinora::epg
