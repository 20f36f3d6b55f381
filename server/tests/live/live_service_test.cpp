#include "live/live_service.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "../support/test_database.hpp"
#include "seed/demo_seed.hpp"

namespace kinora::live {
namespace {

namespace fs = std::filesystem;

// 2026-11-24T12:00:00Z, on the 4 s grid.
constexpr std::int64_t noon = 1'795'521'600;

struct segment {
  std::int64_t sequence = 0;
  std::int64_t discontinuity = 0;
  bool tagged = false;
  std::string uri;
};

struct parsed {
  std::int64_t sequence = -1;
  std::string type;
  bool ended = false;
  std::vector<segment> segments;
};

parsed parse(const std::string& playlist) {
  parsed out;
  std::istringstream in(playlist);
  std::int64_t discontinuity = 0;
  bool tagged = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("#EXT-X-MEDIA-SEQUENCE:")) out.sequence = std::stoll(line.substr(22));
    if (line.starts_with("#EXT-X-DISCONTINUITY-SEQUENCE:"))
      discontinuity = std::stoll(line.substr(30));
    if (line.starts_with("#EXT-X-PLAYLIST-TYPE:")) out.type = line.substr(21);
    if (line == "#EXT-X-ENDLIST") out.ended = true;
    if (line == "#EXT-X-DISCONTINUITY") ++discontinuity, tagged = true;
    if (!line.empty() && line.front() != '#') {
      out.segments.push_back({out.sequence + static_cast<std::int64_t>(out.segments.size()),
                              discontinuity, tagged, line});
      tagged = false;
    }
  }
  return out;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// A package as the packager lays it out: `slots` video segments of 4 s, and audio whose
// frames make one more, tiny, segment.
void package(const fs::path& hls, const std::string& id, int slots) {
  write(hls / id / "master.m3u8",
        "#EXTM3U\n#EXT-X-VERSION:7\n"
        "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",URI=\"audio/index.m3u8\"\n"
        "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",URI=\"subs/en.m3u8\"\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=1900800,RESOLUTION=1280x720,AUDIO=\"aud\",SUBTITLES=\"subs\"\n"
        "720p/index.m3u8\n");
  std::string video = "#EXTM3U\n#EXT-X-MAP:URI=\"init_0.mp4\"\n";
  std::string audio = "#EXTM3U\n#EXT-X-MAP:URI=\"init_1.mp4\"\n";
  for (int i = 0; i < slots; ++i) {
    video += "#EXTINF:4.000000,\nseg_" + std::to_string(i) + ".m4s\n";
    audio += std::string("#EXTINF:") + (i % 2 ? "3.989333" : "4.010667") + ",\nseg_" +
             std::to_string(i) + ".m4s\n";
  }
  audio += "#EXTINF:0.021333,\nseg_" + std::to_string(slots) + ".m4s\n";
  write(hls / id / "720p" / "index.m3u8", video + "#EXT-X-ENDLIST\n");
  write(hls / id / "audio" / "index.m3u8", audio + "#EXT-X-ENDLIST\n");
}

class live_suite : public kinora::testing::per_backend {
 protected:
  void SetUp() override {
    per_backend::SetUp();
    hls_ = fs::temp_directory_path() / ("kinora-live-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    package(hls_, "slate", 2);
    package(hls_, "clip", 3);
    seed::seed_catalog(db(), clock_);
    auto c = db().acquire();
    channel_ =
        c->query(
             "INSERT INTO channels (number, slug, name, category, tier, tier_rank, maturity, "
             "maturity_rank) VALUES (900, 'live-test', 'Live Test', 'test', 'basic', 0, "
             "'all', 0) RETURNING id")
            .front()
            .i64(0);
    title_ =
        c->query("SELECT id FROM titles WHERE kind = 'movie' ORDER BY id LIMIT 1").front().i64(0);
    c->query(
        "INSERT INTO media_assets (id, label, duration_seconds, key_hex, created_at) "
        "VALUES ('clip', 'clip', 12, '00', 0)");
    c->query("INSERT INTO media_links (title_id, episode_id, asset_id) VALUES ($1, 0, 'clip')",
             {title_});
    service_ = std::make_unique<live_service>(db(), hls_, clock_);
  }
  void TearDown() override { fs::remove_all(hls_); }

  std::int64_t add(std::int64_t start, std::int64_t end, bool with_media) {
    auto c = db().acquire();
    return c
        ->query(
            "INSERT INTO programmes (channel_id, start_at, end_at, title, rating, rating_rank, "
            "title_id) VALUES ($1, $2, $3, 'Show', 'all', 0, $4) RETURNING id",
            {channel_, start, end,
             with_media ? storage::value{title_} : storage::value{storage::null}})
        .front()
        .i64(0);
  }

  parsed playlist(const std::string& rendition, std::int64_t programme = 0) {
    auto text =
        service_->media_playlist({channel_, programme}, rendition,
                                 [](const std::string& asset) { return "/" + asset + "/"; });
    EXPECT_TRUE(text.ok());
    return text ? parse(*text) : parsed{};
  }

  manual_clock clock_{sys_seconds(std::chrono::seconds(noon))};
  fs::path hls_;
  std::int64_t channel_ = 0, title_ = 0;
  std::unique_ptr<live_service> service_;
};

TEST_P(live_suite, segments_keep_their_numbers_across_reloads_and_renditions) {
  add(noon - 600, noon + 60, true);  // a 12 s clip: five passes a minute
  // noon + 60 .. noon + 100: nothing scheduled, the slate.
  add(noon + 100, noon + 200, true);
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> seen;  // per rendition
  std::map<std::int64_t, std::int64_t> discontinuity_of;              // across renditions
  for (std::int64_t t = noon; t <= noon + 240; t += 4) {
    clock_.set(sys_seconds(std::chrono::seconds(t)));
    for (const std::string rendition : {"720p", "audio"}) {
      const auto p = playlist(rendition);
      ASSERT_EQ(p.sequence, t / 4 - live_window_slots);
      ASSERT_EQ(p.segments.size(), static_cast<std::size_t>(live_window_slots));
      for (const auto& s : p.segments) {
        const auto slot = s.sequence;
        // Which block plays the slot: its first slot and the package's length in slots.
        const bool slate =
            (slot >= (noon + 60) / 4 && slot < (noon + 100) / 4) || slot >= (noon + 200) / 4;
        const auto block_start = slot < (noon + 60) / 4    ? (noon - 600) / 4
                                 : slot < (noon + 100) / 4 ? (noon + 60) / 4
                                 : slot < (noon + 200) / 4 ? (noon + 100) / 4
                                                           : (noon + 200) / 4;
        const auto index = (slot - block_start) % (slate ? 2 : 3);
        EXPECT_EQ(s.uri, (slate ? "/slate/" : "/clip/") + rendition + "/seg_" +
                             std::to_string(index) + ".m4s");
        if (&s != &p.segments.front()) {
          EXPECT_EQ(s.tagged, index == 0) << slot;
        }
        const auto [it, fresh] = discontinuity_of.emplace(slot, s.discontinuity);
        EXPECT_EQ(it->second, s.discontinuity) << "slot " << slot << " " << rendition;
        if (rendition == "720p") seen[slot] = {s.discontinuity, s.uri};
      }
    }
  }
  // Each new pass is one more discontinuity, and nothing else is.
  for (auto it = std::next(discontinuity_of.begin()); it != discontinuity_of.end(); ++it) {
    const bool pass_start = seen[it->first].second.ends_with("seg_0.m4s");
    EXPECT_EQ(it->second - std::prev(it)->second, pass_start ? 1 : 0) << it->first;
  }
}

TEST_P(live_suite, numbers_a_player_has_seen_survive_schedule_edits) {
  const auto earlier = add(noon - 3600, noon - 1800, true);
  add(noon - 1800, noon - 20, true);
  add(noon - 20, noon + 600, true);
  std::map<std::int64_t, std::int64_t> numbers;
  for (const auto& s : playlist("720p").segments) numbers[s.sequence] = s.discontinuity;
  // History is rewritten: a programme long gone is deleted, which would change a count
  // kept from the start of the schedule. The numbers players have seen must not change,
  // neither while the window still shows the programme before nor once it has moved on.
  db().acquire()->query("DELETE FROM programmes WHERE id = $1", {earlier});
  int shared = 0;
  for (const int step : {8, 32}) {
    clock_.advance(std::chrono::seconds(step));
    for (const auto& s : playlist("720p").segments)
      if (const auto it = numbers.find(s.sequence); it != numbers.end()) {
        EXPECT_EQ(it->second, s.discontinuity) << s.sequence;
        ++shared;
      } else {
        numbers[s.sequence] = s.discontinuity;
      }
  }
  EXPECT_EQ(shared, (live_window_slots - 2) + (live_window_slots - 8));
  // Another instance (a fresh service on the same database) agrees.
  live_service other(db(), hls_, clock_);
  const auto text = other.media_playlist(
      {channel_, 0}, "720p", [](const std::string& asset) { return "/" + asset + "/"; });
  for (const auto& s : parse(*text).segments) EXPECT_EQ(numbers[s.sequence], s.discontinuity);
}

TEST_P(live_suite, start_over_grows_while_on_air_then_ends) {
  const auto id = add(noon - 40, noon + 20, true);
  auto p = playlist("720p", id);
  EXPECT_EQ(p.type, "EVENT");
  EXPECT_FALSE(p.ended);
  EXPECT_EQ(p.sequence, 0);
  ASSERT_EQ(p.segments.size(), 10u);
  EXPECT_EQ(p.segments.front().discontinuity, 0);
  EXPECT_EQ(p.segments.back().discontinuity, 3);  // passes start at 0, 12, 24, 36 s
  clock_.advance(std::chrono::seconds(60));
  p = playlist("720p", id);
  EXPECT_EQ(p.type, "VOD");
  EXPECT_TRUE(p.ended);
  EXPECT_EQ(p.segments.size(), 15u);

  EXPECT_TRUE(service_->start_over_programme(channel_, id).ok());
  const auto later = add(noon + 3600, noon + 7200, false);
  EXPECT_EQ(service_->start_over_programme(channel_, later).err().code, errc::validation);
  EXPECT_EQ(service_->start_over_programme(channel_ + 1000, id).err().code, errc::not_found);
}

TEST_P(live_suite, keys_only_for_what_the_channel_plays) {
  const auto id = add(noon - 600, noon + 600, true);
  EXPECT_TRUE(service_->plays_asset({channel_, 0}, "clip"));
  EXPECT_TRUE(service_->plays_asset({channel_, 0}, "slate"));
  EXPECT_FALSE(service_->plays_asset({channel_, 0}, "demo-1"));
  EXPECT_TRUE(service_->plays_asset({channel_, id}, "clip"));
  EXPECT_FALSE(service_->plays_asset({channel_ + 1000, 0}, "clip"));
}

TEST_P(live_suite, master_has_the_ladder_without_subtitles) {
  const auto master = service_->master_playlist();
  ASSERT_TRUE(master.ok());
  EXPECT_NE(master->find("URI=\"audio.m3u8\""), std::string::npos);
  EXPECT_NE(master->find("\n720p.m3u8\n"), std::string::npos);
  EXPECT_EQ(master->find("SUBTITLES"), std::string::npos);
  EXPECT_EQ(service_->media_playlist({channel_, 0}, "1080p", {}).err().code, errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(backends, live_suite, ::testing::ValuesIn(kinora::testing::backends()));

}  // namespace
}  // namespace kinora::live
