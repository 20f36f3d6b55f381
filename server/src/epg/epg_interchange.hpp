#pragma once
// The guide in the formats other software reads and writes: XMLTV out and in, and the
// channel line-up as an M3U playlist for IPTV players.
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/viewer.hpp"
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

struct m3u_report {
  std::int64_t channels_created = 0;
  std::int64_t channels_matched = 0;
  std::int64_t channels_updated = 0;  // matched ones given a missing guide id, logo or category
  std::int64_t matched_by_tvg_id = 0;
  std::int64_t matched_by_number = 0;
  std::int64_t matched_by_name = 0;
  std::int64_t skipped_no_name = 0;    // no display name nor tvg-name, or a URL without #EXTINF
  std::int64_t skipped_no_url = 0;     // an #EXTINF without its URL line
  std::int64_t skipped_duplicate = 0;  // a tvg-id or channel an earlier entry already named
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

  // Imports an M3U line-up (the playlist() format, or any IPTV list) in one transaction:
  // all of it, or on any error nothing. Each entry matches an existing channel by tvg-id
  // (the channel's XMLTV id, or "<slug>.kinora" as playlist() writes a channel without
  // one), else by tvg-chno (its number), else by its exact name; number and name never
  // match a channel whose XMLTV id differs from the entry's tvg-id. An import only fills
  // in what a matched channel lacks: its XMLTV id (from tvg-id), its logo (tvg-logo) and
  // its category when it is the import default "general" (group-title, lower-cased). It
  // never changes a channel's number, name, slug, description, tier or rating, which
  // admins own. An unmatched entry creates a channel like the XMLTV import does: tier
  // premium, rating 18+, its tvg-chno when that number is free or else the next free
  // one. Only http(s) logos are kept, and never a Kinora-generated logo.svg (it belongs
  // to the server that wrote the playlist). Stream URLs and catch-up attributes are read
  // but not kept until live playout exists. Entries without a name or a URL, and later
  // entries for a tvg-id or channel already imported, are skipped and counted. Unreadable
  // playlists and two entries claiming one tvg-chno are 422 invalid-m3u with the line.
  result<m3u_report> import_m3u(std::string_view document);
  result<m3u_report> import_m3u_file(const std::string& path);

  // #EXTM3U with one #EXTINF per visible channel; stream URLs point at the channel
  // resource until live playout exists.
  std::string playlist(const std::optional<auth::viewer>& who, const std::string& base_url);

 private:
  template <class Read>
  result<import_report> import_with(Read&& read);

  storage::database& db_;
};

}  // namespace kinora::epg
