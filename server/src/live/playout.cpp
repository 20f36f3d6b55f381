#include "live/playout.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/time.hpp"

namespace kinora::live {

namespace {

// The packager encrypts segment i of an asset with IV i (its media sequence number there).
std::string iv_of(std::size_t segment_index) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0x%032zx", segment_index);
  return buf;
}

std::string format_duration(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", seconds);
  return buf;
}

}  // namespace

std::int64_t block::passes() const {
  const auto n = static_cast<std::int64_t>(media->slots());
  return (end_slot - first_slot + n - 1) / n;
}

std::string render_media_playlist(const std::vector<block>& blocks, const playlist_spec& spec,
                                  const asset_prefix& prefix) {
  std::ostringstream body;
  long target = 1;
  std::int64_t first_discontinuity = -1;  // of the playlist's first segment
  for (const auto& b : blocks) {
    const auto n = static_cast<std::int64_t>(b.media->slots());
    const auto from = std::max(spec.first_slot, b.first_slot);
    const auto to = std::min(spec.end_slot, b.end_slot);
    const auto* track = b.media->track_for(spec.rendition);
    if (!track) return {};
    const auto root = prefix(b.media->asset_id);
    for (auto slot = from; slot < to; ++slot) {
      const auto index = static_cast<std::size_t>((slot - b.first_slot) % n);
      const auto number = b.discontinuity_base + (slot - b.first_slot) / n;
      const bool first = first_discontinuity < 0;
      if (first) first_discontinuity = number;
      if (first || index == 0) {
        // A new pass: its timestamps start again, its init section is clear.
        if (!first) body << "#EXT-X-DISCONTINUITY\n#EXT-X-KEY:METHOD=NONE\n";
        body << "#EXT-X-PROGRAM-DATE-TIME:" << format_rfc3339(slot * slot_seconds) << "\n"
             << "#EXT-X-MAP:URI=\"" << root << track->folder << "/" << track->init << "\"\n";
      }
      const double duration = b.media->slot_durations[index];
      target = std::max(target, std::lround(duration));
      body << "#EXT-X-KEY:METHOD=AES-128,URI=\"" << root << "key\",IV=" << iv_of(index) << "\n"
           << "#EXTINF:" << format_duration(duration) << ",\n"
           << root << track->folder << "/" << track->segments[index].file << "\n";
    }
  }

  std::ostringstream out;
  out << "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:" << target << "\n"
      << "#EXT-X-MEDIA-SEQUENCE:" << spec.first_slot - spec.sequence_origin << "\n"
      << "#EXT-X-DISCONTINUITY-SEQUENCE:" << std::max<std::int64_t>(first_discontinuity, 0) << "\n";
  if (spec.kind == playlist_kind::event) out << "#EXT-X-PLAYLIST-TYPE:EVENT\n";
  if (spec.kind == playlist_kind::vod) out << "#EXT-X-PLAYLIST-TYPE:VOD\n";
  // Start-over starts at the programme's beginning, not at the live edge.
  if (spec.kind != playlist_kind::live) out << "#EXT-X-START:TIME-OFFSET=0,PRECISE=YES\n";
  out << "#EXT-X-INDEPENDENT-SEGMENTS\n" << body.str();
  if (spec.kind == playlist_kind::vod) out << "#EXT-X-ENDLIST\n";
  return out.str();
}

std::string render_master_playlist(const std::string& package_master) {
  std::istringstream in(package_master);
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("#EXT-X-MEDIA:") && line.find("TYPE=SUBTITLES") != std::string::npos)
      continue;
    if (const auto at = line.find(",SUBTITLES=\"subs\""); at != std::string::npos)
      line.erase(at, std::string_view(",SUBTITLES=\"subs\"").size());
    // "240p/index.m3u8" -> "240p.m3u8", in URI lines and URI attributes alike.
    if (const auto at = line.find("/index.m3u8"); at != std::string::npos)
      line.replace(at, std::string_view("/index.m3u8").size(), ".m3u8");
    if (!line.empty()) out << line << "\n";
  }
  return out.str();
}

}  // namespace kinora::live
