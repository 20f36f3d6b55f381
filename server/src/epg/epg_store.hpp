#pragma once
// SQL for channels, programmes and favorite channels. Channel reads bind the profile's
// visibility filter, so pages and totals only ever count what the profile may see.
// Programme reads take the channel ids of one page and answer in one query.
// This is the only code that writes channels and programmes (admin, importers and the
// seed call it with the connection of their transaction);
// server/tests/api/test_table_owners.py holds that.
#include <optional>
#include <string>
#include <vector>

#include "auth/entitlement.hpp"
#include "epg/epg.hpp"
#include "storage/database.hpp"

namespace kinora::epg::epg_store {

using storage::connection;

// Rows read alike everywhere: a channel's first eight columns (id, number, slug, name,
// category, description, tier, maturity) and a programme's twelve (as programmes has them).
channel read_channel_core(const storage::row& r);
programme read_programme(const storage::row& r);

// One page of visible channels, ordered by number (favorites first, in the profile's
// order, when the query asks), each marked favorite or not for this profile.
std::vector<channel> list_channels(connection& c, std::int64_t profile_id,
                                   const auth::visibility_filter& v, const channel_query& q);
std::int64_t count_channels(connection& c, std::int64_t profile_id,
                            const auth::visibility_filter& v, const channel_query& q);
std::optional<channel> find_channel(connection& c, std::int64_t profile_id,
                                    const auth::visibility_filter& v, std::int64_t id);
// Any channel, visible or not (the public logo).
std::optional<channel> find_any_channel(connection& c, std::int64_t id);

// Programmes of these channels overlapping [from, to), by channel then start. A channel's
// programmes never overlap, so the one on air at `from` is its latest start before it.
std::vector<programme> programmes_in(connection& c, const std::vector<std::int64_t>& channel_ids,
                                     time_window w);
// Per channel: the programme on air at `at` (its latest start at or before it, which
// may have ended) and the first one starting after it.
std::vector<programme> around(connection& c, const std::vector<std::int64_t>& channel_ids,
                              std::int64_t at);

struct favorite_row {
  std::int64_t channel_id = 0;
  std::int64_t position = 0;
  std::int64_t added_at = 0;
};
// Every favorite of the profile, visible or not, in its order.
std::vector<favorite_row> favorites(connection& c, std::int64_t profile_id);
// Appends the channel; false when it already was a favorite.
bool add_favorite(connection& c, std::int64_t profile_id, std::int64_t channel_id,
                  std::int64_t now);
void set_position(connection& c, std::int64_t profile_id, std::int64_t channel_id,
                  std::int64_t position);
bool remove_favorite(connection& c, std::int64_t profile_id, std::int64_t channel_id);

// Writes. A channel's tier and maturity, and a programme's rating, are stored with their
// ranks, which the visibility rule compares; an unknown programme rating is "all".

// Inserts the channel (its id and favorite are ignored) and returns its id.
std::int64_t insert_channel(connection& c, const channel& ch,
                            const std::optional<std::string>& xmltv_id,
                            const std::optional<std::string>& icon_url);
// Rewrites what admins own: all but the id and the logo (importers set that).
void update_channel(connection& c, const channel& ch, const std::optional<std::string>& xmltv_id);
void set_channel_icon(connection& c, std::int64_t channel_id, const std::string& icon_url);
// What an M3U import fills in on a channel it matched.
void set_channel_guide(connection& c, std::int64_t channel_id,
                       const std::optional<std::string>& xmltv_id,
                       const std::optional<std::string>& icon_url, const std::string& category);
// False when there was no such channel. Its programmes and favorites go with it.
bool delete_channel(connection& c, std::int64_t channel_id);

// Inserts the programme (its id is ignored) and returns its id.
std::int64_t insert_programme(connection& c, const programme& p);
// Rewrites the programme with p.id.
void update_programme(connection& c, const programme& p);
// Rewrites the channel's programme that starts at p.start_at, all but its id and title link;
// false when there is none.
bool update_programme_at(connection& c, const programme& p);
// False when there was no such programme.
bool delete_programme(connection& c, std::int64_t id);
// Removes the channel's programmes starting in [from, to). Returns how many.
std::int64_t delete_programmes_starting_in(connection& c, std::int64_t channel_id, time_window w);
// Removes the channel's programmes overlapping [from, to) but the one starting at `from`.
// Returns how many.
std::int64_t delete_programmes_overlapping(connection& c, std::int64_t channel_id, time_window w);

// The rolling demo schedule.
std::vector<std::int64_t> channel_ids_by_slug(connection& c, const std::vector<std::string>& slugs);
// Takes the channel's row lock until the transaction ends (PostgreSQL; SQLite's
// transactions hold the write lock already), so two instances never roll it together.
void lock_channel(connection& c, std::int64_t channel_id);
// When the channel's last programme ends; nothing when it has none.
std::optional<std::int64_t> schedule_end(connection& c, std::int64_t channel_id);
bool programme_starts_at(connection& c, std::int64_t channel_id, std::int64_t at);
// Copies the programmes starting in [from, to), moved `shift` seconds later. Returns how many.
std::int64_t copy_programmes(connection& c, std::int64_t channel_id, std::int64_t from,
                             std::int64_t to, std::int64_t shift);

}  // namespace kinora::epg::epg_store
