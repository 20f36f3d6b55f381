#include <gtest/gtest.h>

#include "epg/m3u.hpp"

namespace kinora::epg::m3u {
namespace {

std::vector<entry> parsed(std::string_view doc) {
  auto r = parse(doc);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.err().detail);
  return r.ok() ? std::move(r).value() : std::vector<entry>{};
}

// The line and message of a rejected playlist.
std::pair<long long, std::string> rejected(std::string_view doc) {
  auto r = parse(doc);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {-1, ""};
  const auto& e = r.err();
  EXPECT_EQ(e.kind, "invalid-m3u");
  EXPECT_EQ(e.code, errc::validation);
  EXPECT_EQ(e.extensions.size(), 1u);
  return {std::get<long long>(e.extensions.at(0).second), e.detail};
}

TEST(m3u_reader, reads_attributes_name_and_url) {
  const auto out = parsed(
      "#EXTM3U url-tvg=\"http://guide.test/x.xml\"\n"
      "#EXTINF:-1 tvg-id=\"news.test\" tvg-name=\"News HD\" tvg-logo=\"http://l.test/n.png\" "
      "tvg-chno=\"7\" group-title=\"News, Local\" catchup=\"default\" catchup-days=\"7\" "
      "catchup-source=\"?utc={utc}\",News 24, Live\n"
      "http://streams.test/news.m3u8\n");
  ASSERT_EQ(out.size(), 1u);
  const auto& e = out[0];
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.tvg_id, "news.test");
  EXPECT_EQ(e.tvg_name, "News HD");
  EXPECT_EQ(e.tvg_logo, "http://l.test/n.png");
  EXPECT_EQ(e.tvg_chno, 7);
  EXPECT_EQ(e.group_title, "News, Local");  // a comma inside quotes is not the name's
  EXPECT_EQ(e.catchup, "default");
  EXPECT_EQ(e.catchup_days, "7");
  EXPECT_EQ(e.catchup_source, "?utc={utc}");
  EXPECT_EQ(e.name, "News 24, Live");
  EXPECT_EQ(e.url, "http://streams.test/news.m3u8");
}

TEST(m3u_reader, tolerates_what_real_playlists_do) {
  const auto out = parsed(
      "\xEF\xBB\xBF\r\n#EXTM3U\r\n\r\n"
      "#EXTINF:0 TVG-ID='one.test' tvg-logo=\"\" group-title=Sports,  One  \r\n"
      "#EXTVLCOPT:http-user-agent=Mozilla\r\n"
      "#KODIPROP:inputstream=adaptive\r\n"
      "http://s.test/1\r\n"
      "#EXTGRP:Movies\n"
      "#EXTINF:-1,Two\n"
      "http://s.test/2\n"
      "#EXTINF:-1 tvg-chno=\"5.1\" tvg-name=\"Three\"\n"  // no comma, no name
      "http://s.test/3\n"
      "#EXTINF:-1 tvg-id=\"four.test\",Four\n"  // its URL never comes
      "#EXTINF:-1 tvg-chno=\"0\",Five\n"
      "http://s.test/5\n"
      "http://s.test/bare\n");
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0].tvg_id, "one.test");
  EXPECT_EQ(out[0].tvg_logo, "");
  EXPECT_EQ(out[0].group_title, "Sports");
  EXPECT_EQ(out[0].name, "One");
  EXPECT_EQ(out[0].url, "http://s.test/1");
  EXPECT_EQ(out[0].line, 4);
  EXPECT_EQ(out[1].group_title, "Movies");
  EXPECT_EQ(out[1].name, "Two");
  EXPECT_EQ(out[2].name, "");
  EXPECT_EQ(out[2].tvg_name, "Three");
  EXPECT_FALSE(out[2].tvg_chno);  // not a whole number
  EXPECT_EQ(out[3].tvg_id, "four.test");
  EXPECT_EQ(out[3].url, "");
  EXPECT_FALSE(out[4].tvg_chno);  // out of range
  EXPECT_EQ(out[4].url, "http://s.test/5");
  EXPECT_FALSE(out[5].has_extinf);
  EXPECT_EQ(out[5].url, "http://s.test/bare");
  EXPECT_EQ(out[5].line, 16);
}

TEST(m3u_reader, an_empty_line_up_is_fine) {
  EXPECT_TRUE(parsed("#EXTM3U").empty());
  EXPECT_TRUE(parsed("#EXTM3U\n\n").empty());
}

TEST(m3u_reader, rejects_what_it_cannot_read_with_the_line) {
  EXPECT_EQ(rejected("").first, 1);
  EXPECT_EQ(rejected("\n\n").first, 2);
  const auto [line, detail] = rejected("hello, world\n");
  EXPECT_EQ(line, 1);
  EXPECT_EQ(detail, "M3U line 1: not an M3U playlist: the first line is not #EXTM3U.");
  EXPECT_EQ(rejected("<?xml version=\"1.0\"?>\n<tv/>\n").first, 1);
  constexpr char binary[] = "#EXTM3U\n#EXTINF:-1,A\x00\x01\n";
  EXPECT_EQ(rejected(std::string_view(binary, sizeof binary - 1)).first, 2);
  EXPECT_EQ(rejected("#EXTM3U\n#EXTINF:-1,A\nhttp://a\n#EXTINF:-1,Caf\xe9\n").first, 4);
  EXPECT_EQ(rejected("#EXTM3U\n#EXTINF:-1 tvg-id=\"open,Name\nhttp://a\n").first, 2);
  const std::string huge = "#EXTM3U\n#EXTINF:-1," + std::string(max_line_bytes, 'a') + "\n";
  EXPECT_EQ(rejected(huge).first, 2);
}

}  // namespace
}  // namespace kinora::epg::m3u
