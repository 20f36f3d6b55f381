#pragma once
// Extended M3U playlists as IPTV players read them: "#EXTM3U", then per channel an
// "#EXTINF:<duration> key="value" ...,<display name>" line followed by its URL line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kinora::epg::m3u {

struct entry {
  std::int64_t line = 0;  // of its #EXTINF, or of its URL when it has none
  bool has_extinf = true;
  std::string name;  // after the comma, trimmed
  // The attributes Kinora reads; empty when absent. Keys match case-insensitively.
  std::string tvg_id;
  std::string tvg_name;
  std::string tvg_logo;
  std::string group_title;               // or the #EXTGRP line's group when there is no group-title
  std::optional<std::int64_t> tvg_chno;  // absent unless a whole number 1..max_channel_number
  std::string catchup;
  std::string catchup_days;
  std::string catchup_source;
  std::string url;  // empty when the #EXTINF had no URL line
};

inline constexpr std::size_t max_line_bytes = 64 * 1024;
inline constexpr std::int64_t max_channel_number = 99999;

// Reads the whole playlist: a UTF-8 BOM, CRLF line ends and blank lines are fine, and
// "#" lines other than #EXTINF and #EXTGRP (#EXTVLCOPT, #KODIPROP, ...) are ignored.
// Fails (422 invalid-m3u, with the line in detail and in extensions "line") when the
// first line that is not blank is not #EXTM3U, on a NUL byte or text that is not UTF-8,
// on a line over max_line_bytes, and on an attribute value whose quote never closes.
result<std::vector<entry>> parse(std::string_view document);

// The 422 of a playlist Kinora cannot read: "M3U line N: <message>.".
error invalid(std::int64_t line, const std::string& message);

}  // namespace kinora::epg::m3u
