#pragma once
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "storage/database.hpp"
#include "viewing/viewing.hpp"

namespace kinora::viewing {

class viewing_service {
 public:
  viewing_service(storage::database& db, const clock& clk) : db_(db), clock_(clk) {}

  // Every title passes the profile's visibility rule: an invisible one is "not found".
  // Playback passes the running time of the media actually playing, which then counts
  // as the duration; otherwise the catalog's running time does.
  result<history_item> save_position(const auth::viewer& v, std::int64_t title_id,
                                     std::optional<std::int64_t> episode_id, int position_seconds,
                                     std::optional<int> media_duration = std::nullopt);
  // A movie's bookmark, or the series episode watched most recently.
  result<history_item> resume_point(const auth::viewer& v, std::int64_t title_id);
  std::vector<continue_item> continue_watching(const auth::viewer& v, std::int64_t limit);
  status dismiss(const auth::viewer& v, std::int64_t title_id);
  catalog::page<history_item> history(const auth::viewer& v, std::int64_t limit,
                                      std::int64_t offset);

  status rate(const auth::viewer& v, std::int64_t title_id, rating r);
  status unrate(const auth::viewer& v, std::int64_t title_id);
  std::vector<rating_item> ratings(const auth::viewer& v);

  // True when the title was newly added.
  result<bool> add_to_watchlist(const auth::viewer& v, std::int64_t title_id);
  status remove_from_watchlist(const auth::viewer& v, std::int64_t title_id);
  std::vector<watchlist_item> watchlist(const auth::viewer& v);

 private:
  result<catalog::title> visible_title(storage::connection& c, const auth::viewer& v,
                                       std::int64_t title_id);

  storage::database& db_;
  const clock& clock_;
};

}  // namespace kinora::viewing
