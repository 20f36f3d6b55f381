#pragma once
// XMLTV (https://github.com/XMLTV/xmltv/blob/master/xmltv.dtd), the guide format grabbers
// write and media centres read: its times, a writer, and a streaming reader.
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kinora::epg::xmltv {

struct channel {
  std::string id;
  std::vector<std::string> names;  // display-name, most canonical first
  std::optional<std::string> icon;
};

struct programme {
  std::string channel;
  std::int64_t start = 0;
  std::optional<std::int64_t> stop;
  std::string title;
  std::optional<std::string> subtitle;
  std::string description;
  std::string category;
  std::optional<std::int64_t> season;   // 1-based
  std::optional<std::int64_t> episode;  // 1-based
  std::string rating;                   // the value, as the file writes it
  std::string rating_system;
};

// "20260131180000 +0000".
std::string format_time(std::int64_t unix_seconds);
// "YYYYMMDDhhmm[ss] [+-]hhmm" (the offset optional: UTC), as grabbers write it.
std::optional<std::int64_t> parse_time(std::string_view text);

// xmltv_ns is "season.episode.part", each zero-based and optionally "/total".
void parse_xmltv_ns(std::string_view text, std::optional<std::int64_t>& season,
                    std::optional<std::int64_t>& episode);
// "S1E21", "S01E05", "S1 E2": what most onscreen numbers look like.
void parse_onscreen(std::string_view text, std::optional<std::int64_t>& season,
                    std::optional<std::int64_t>& episode);

class writer {
 public:
  explicit writer(std::ostream& out);
  void channel(const xmltv::channel& ch);
  void programme(const xmltv::programme& p);
  void finish();

 private:
  std::ostream& out_;
};

// The reader's limits: a text node larger than this rejects the file.
inline constexpr std::size_t max_text_bytes = 1024 * 1024;

struct handlers {
  std::function<void(channel&&)> on_channel;
  std::function<void(programme&&)> on_programme;
};

// Parses the document once, in a streaming reader that never loads a DTD, never touches
// the network and never expands an entity: a document that declares entities is
// rejected, as is one with a text node over max_text_bytes. Malformed documents fail
// with the line of the error ("XMLTV line 12: ..."), in error::extensions "line".
// Handlers may throw; the exception passes through.
status read_file(const std::string& path, const handlers& h);
status read_memory(std::string_view document, const handlers& h);

}  // namespace kinora::epg::xmltv
