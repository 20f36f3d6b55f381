// The M3U playlist reader: line by line, one pass, no allocation beyond the entries.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text.hpp"
#include "epg/m3u.hpp"

namespace kinora::epg::m3u {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_key_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::int64_t> channel_number(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 1 ||
      n > max_channel_number)
    return std::nullopt;
  return n;
}

void set_attribute(entry& e, const std::string& key, std::string value) {
  if (key == "tvg-id")
    e.tvg_id = std::move(value);
  else if (key == "tvg-name")
    e.tvg_name = std::move(value);
  else if (key == "tvg-logo")
    e.tvg_logo = std::move(value);
  else if (key == "group-title")
    e.group_title = std::move(value);
  else if (key == "tvg-chno")
    e.tvg_chno = channel_number(trim(value));
  else if (key == "catchup")
    e.catchup = std::move(value);
  else if (key == "catchup-days")
    e.catchup_days = std::move(value);
  else if (key == "catchup-source")
    e.catchup_source = std::move(value);
}

// "#EXTINF:-1 tvg-id="a" group-title="News, Local",Name": the duration, then attributes
// (double-, single- or unquoted values; commas inside quotes belong to the value), then
// the first comma outside quotes starts the display name.
result<entry> read_extinf(std::string_view rest, std::int64_t line) {
  entry e;
  e.line = line;
  std::size_t i = 0;
  while (i < rest.size() && !is_space(rest[i]) && rest[i] != ',') ++i;  // the duration
  while (i < rest.size()) {
    const char c = rest[i];
    if (c == ',') {
      e.name = std::string(trim(rest.substr(i + 1)));
      return e;
    }
    if (!is_key_char(c)) {
      ++i;
      continue;
    }
    const std::size_t key_start = i;
    while (i < rest.size() && is_key_char(rest[i])) ++i;
    const std::string key = lower(rest.substr(key_start, i - key_start));
    if (i >= rest.size() || rest[i] != '=') continue;  // a bare word: not an attribute
    ++i;
    std::string value;
    if (i < rest.size() && (rest[i] == '"' || rest[i] == '\'')) {
      const char quote = rest[i++];
      const auto close = rest.find(quote, i);
      if (close == std::string_view::npos)
        return invalid(line, "the value of " + key + " opens a quote that never closes");
      value = std::string(rest.substr(i, close - i));
      i = close + 1;
    } else {
      const std::size_t start = i;
      while (i < rest.size() && !is_space(rest[i]) && rest[i] != ',') ++i;
      value = std::string(rest.substr(start, i - start));
    }
    set_attribute(e, key, std::move(value));
  }
  return e;  // no comma: no display name
}

}  // namespace

error invalid(std::int64_t line, const std::string& message) {
  error e = fail(errc::validation, "M3U line " + std::to_string(line) + ": " + message + ".",
                 "invalid-m3u");
  e.extensions.push_back({"line", static_cast<long long>(line)});
  return e;
}

result<std::vector<entry>> parse(std::string_view doc) {
  if (doc.starts_with("\xEF\xBB\xBF")) doc.remove_prefix(3);
  std::vector<entry> out;
  std::optional<entry> pending;  // an #EXTINF waiting for its URL
  std::string group;             // from #EXTGRP, for the next entry
  bool header = false;
  std::int64_t number = 0;
  for (std::size_t at = 0; at < doc.size();) {
    ++number;
    const auto end = std::min(doc.find('\n', at), doc.size());
    std::string_view line = doc.substr(at, end - at);
    at = end + 1;
    if (line.size() > max_line_bytes)
      return invalid(number,
                     "the line is longer than " + std::to_string(max_line_bytes) + " bytes");
    if (line.find('\0') != std::string_view::npos)
      return invalid(number, "the playlist holds binary data (a NUL byte)");
    if (!text::valid_utf8(line)) return invalid(number, "the playlist is not UTF-8 text");
    if (line.ends_with('\r')) line.remove_suffix(1);
    line = trim(line);
    if (!header) {
      if (line.empty()) continue;
      if (!line.starts_with("#EXTM3U"))
        return invalid(number, "not an M3U playlist: the first line is not #EXTM3U");
      header = true;
      continue;
    }
    if (line.empty()) continue;
    if (line.starts_with("#EXTINF:")) {
      if (pending) out.push_back(std::move(*pending));
      auto e = read_extinf(line.substr(8), number);
      if (!e) return std::move(e).err();
      pending = std::move(*e);
      if (pending->group_title.empty()) pending->group_title = group;
      group.clear();
    } else if (line.starts_with("#EXTGRP:")) {
      group = std::string(trim(line.substr(8)));
      if (pending && pending->group_title.empty()) pending->group_title = group;
    } else if (line.starts_with('#')) {
      continue;  // #EXTVLCOPT, #KODIPROP, comments
    } else if (pending) {
      pending->url = std::string(line);
      out.push_back(std::move(*pending));
      pending.reset();
    } else {
      entry bare;  // a URL without #EXTINF: no name to give a channel
      bare.line = number;
      bare.has_extinf = false;
      bare.url = std::string(line);
      out.push_back(std::move(bare));
    }
  }
  if (!header)
    return invalid(std::max<std::int64_t>(number, 1),
                   "not an M3U playlist: it has no #EXTM3U line");
  if (pending) out.push_back(std::move(*pending));
  return out;
}

}  // namespace kinora::epg::m3u
