#pragma once
// The guide in the formats other software reads and writes: XMLTV out and in, and the
// channel line-up as an M3U playlist for IPTV players.
#include <cstdint>
#include <optional>
#include <string>

#include "auth/viewer.hpp"
#include "core/result.hpp"
#include "epg/epg.hpp"
#include "storage/database.hpp"

namespace kinora::epg {

struct import_report {
  std::int64_t channels_created = 0;
  std::int64_t channels_matched = 0;
  std::int64_t programmes_created = 0;
  std::int64_t programmes_updated = 0;
  std::int64_t programmes_replaced = 0;  // earlier ones an imported programme overlapped
  std::int64_t programmes_skipped = 0;   // no stop, stop not after start, or no title
};

class epg_interchange {
 public:
  explicit epg_interchange(storage::database& db) : db_(db) {}

  // The channels `who` may see (every channel without a viewer, or for an admin) that
  // have programmes in the window, with those programmes. `base_url` prefixes logo links.
  std::string export_xmltv(const std::optional<auth::viewer>& who, time_window w,
                           const std::string& base_url);

  // Imports in one transaction: all of it, or on any error nothing.
  // Channels match by XMLTV id; unknown ones are created with the next free numbers,
  // tier premium and rating 18+ (seen by the fewest until an admin sets them). A
  // programme replaces the one with the same channel and start, and removes those it
  // overlaps, so re-importing a guide updates it.
  result<import_report> import_xmltv_file(const std::string& path);
  result<import_report> import_xmltv(std::string_view document);

  // #EXTM3U with one #EXTINF per visible channel; stream URLs point at the channel
  // resource until live playout exists.
  std::string playlist(const std::optional<auth::viewer>& who, const std::string& base_url);

 private:
  template <class Read>
  result<import_report> import_with(Read&& read);

  storage::database& db_;
};

}  // namespace kinora::epg
