#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/periodic_task.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "epg/epg.hpp"
#include "storage/database.hpp"

namespace kinora::epg {

class epg_service {
 public:
  // `rolling_slugs` names the channels whose schedule repeats week after week (the demo
  // channels, in demo mode); roll_forward leaves every other channel alone.
  epg_service(storage::database& db, const clock& clk, std::vector<std::string> rolling_slugs = {})
      : db_(db), clock_(clk), rolling_slugs_(std::move(rolling_slugs)) {}
  epg_service(const epg_service&) = delete;
  epg_service& operator=(const epg_service&) = delete;

  // The window a request asks for: `from` defaults to now floored to the hour, `to` to
  // six hours after `from`. `to` must be after `from`, by at most seven days (422).
  result<time_window> window(const window_request& r) const;

  // Every channel read applies the visibility rule: a channel outside the account's tier
  // or above the profile's maturity ceiling is absent from lists and "not found" by id.
  channel_page<channel> channels(const auth::viewer& v, const channel_query& q);
  result<channel> find_channel(const auth::viewer& v, std::int64_t channel_id);
  // Any channel, for its public logo.
  result<channel> any_channel(std::int64_t channel_id);
  // "Favorites" first when the profile has any, then one group per category in the
  // order of their lowest channel number; channels by number (favorites in their order).
  std::vector<channel_group> groups(const auth::viewer& v);

  std::vector<favorite> favorites(const auth::viewer& v);
  // Idempotent: a channel already among the favorites keeps its place unless `position`
  // (0-based, in the list the profile sees; past the end means last) moves it.
  // Answers the favorites after the change.
  result<std::vector<favorite>> put_favorite(const auth::viewer& v, std::int64_t channel_id,
                                             std::optional<std::int64_t> position);
  // Idempotent too: removing a visible channel that is no favorite is fine.
  status remove_favorite(const auth::viewer& v, std::int64_t channel_id);

  result<schedule> channel_schedule(const auth::viewer& v, std::int64_t channel_id,
                                    const window_request& w);
  // One page of channels with their programmes in the window: two queries in all.
  result<grid> channel_grid(const auth::viewer& v, const window_request& w, const channel_query& q);
  // One page of channels with the programme on now and the next one.
  now_playing on_now(const auth::viewer& v, const channel_query& q);

  // Keeps a week of guide ahead of `now` on the rolling channels: while a channel's last
  // programme ends before now + 7 days, the next day repeats the same day of the week
  // before. Copies start exactly where the schedule ends, so a gap-free, overlap-free
  // schedule stays so; idempotent; safe with several instances. A schedule more than a
  // week behind jumps ahead in whole weeks (the missed past stays empty). Returns the
  // programmes added.
  std::int64_t roll_forward(sys_seconds now);
  // Runs roll_forward every `every` on a background thread until stop().
  void start_rolling(std::chrono::seconds every, logger& log);
  void stop();

 private:
  storage::database& db_;
  const clock& clock_;
  std::vector<std::string> rolling_slugs_;

  periodic_task roller_;
};

}  // namespace kinora::epg
