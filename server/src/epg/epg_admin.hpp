#pragma once
// What admins change in the guide: channels, single programmes and whole days of a
// channel's schedule. Every change runs in one transaction and checks the schedule's
// one rule, that a channel's programmes never overlap: a conflict is a 409 naming the
// programme in the way, and nothing of the change is kept.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "epg/epg.hpp"
#include "storage/database.hpp"

namespace kinora::epg {

// A channel as admins see it: every channel, with its guide id.
struct admin_channel {
  channel ch;
  std::optional<std::string> xmltv_id;
  std::optional<std::string> icon_url;
};

// Fields of a create (all required but description and xmltv_id) or a patch (any).
struct channel_fields {
  std::optional<std::int64_t> number;
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> category;
  std::optional<std::string> description;
  std::optional<auth::tier> tier;
  std::optional<auth::maturity> maturity;
  std::optional<std::optional<std::string>> xmltv_id;  // set to null clears it
};

struct programme_fields {
  std::optional<std::int64_t> channel_id;
  std::optional<std::int64_t> start_at;
  std::optional<std::int64_t> end_at;
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> subtitle;
  std::optional<std::string> description;
  std::optional<std::string> category;
  std::optional<std::optional<std::int64_t>> season;
  std::optional<std::optional<std::int64_t>> episode;
  std::optional<auth::maturity> rating;
  std::optional<std::optional<std::int64_t>> title_id;
};

struct day_schedule {
  std::int64_t channel_id = 0;
  std::int64_t day = 0;  // 00:00 UTC of the day
  std::vector<programme> programmes;
};

class epg_admin {
 public:
  explicit epg_admin(storage::database& db) : db_(db) {}

  channel_page<admin_channel> channels(std::int64_t limit, std::int64_t offset);
  result<admin_channel> channel_by_id(std::int64_t id);
  result<admin_channel> create_channel(const channel_fields& f);
  result<admin_channel> update_channel(std::int64_t id, const channel_fields& f);
  status delete_channel(std::int64_t id);

  result<programme> programme_by_id(std::int64_t id);
  result<programme> create_programme(const programme_fields& f);
  result<programme> update_programme(std::int64_t id, const programme_fields& f);
  status delete_programme(std::int64_t id);
  // Replaces the programmes of the channel that start on that UTC day with these (each
  // must start on it; they may run past midnight into a free slot).
  result<day_schedule> replace_day(std::int64_t channel_id, std::int64_t day,
                                   std::vector<programme_fields> items);

 private:
  storage::database& db_;
};

// The 409 of an overlapping programme, naming the one in the way.
error overlap_error(const programme& other);

}  // namespace kinora::epg
