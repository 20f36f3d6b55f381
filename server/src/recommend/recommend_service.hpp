#pragma once
// Recommendations for a profile. Every result passes the one visibility rule, applied
// inside the vector search so lists are never short.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "catalog/title.hpp"
#include "core/result.hpp"
#include "core/viewer.hpp"
#include "recommend/co_watch_index.hpp"
#include "recommend/taste.hpp"
#include "recommend/title_vectors.hpp"
#include "storage/database.hpp"
#include "viewing/viewing_service.hpp"

namespace kinora::recommend {

struct scored_title {
  catalog::title title;
  std::optional<double> score;  // cosine similarity; absent for the fallback
};

// One row of the home screen.
struct rail {
  std::string id;      // "for-you", "because-you-watched-12", "top-picks-drama", ...
  std::string title;   // "Because You Watched Night Lantern"
  std::string reason;  // why these titles, for the app to show
  std::vector<catalog::title> items;
};

struct similar_titles {
  std::vector<scored_title> items;
  std::string source;  // "embeddings" or "genres"
  std::string reason;  // a line an app can show
};

class recommend_service {
 public:
  recommend_service(storage::database& db, title_vectors& vectors, co_watch_index& co_watch,
                    viewing::viewing_service& viewing, const clock& clk)
      : db_(db), vectors_(vectors), co_watch_(co_watch), viewing_(viewing), clock_(clk) {}

  // Continue Watching, For You, Because You Watched (from recent history), New Releases,
  // Trending, Top Picks in the profile's genre, and the watchlist; popular and editorial
  // rails while a profile has no history. Empty rails are left out.
  std::vector<rail> home(const auth::viewer& v, std::size_t per_rail);

  result<similar_titles> similar(const auth::viewer& v, std::int64_t title_id, std::size_t limit);
  // Titles whose embedding is close to the query's (cosine >= min_cosine), best first,
  // among those the viewer may see. Empty without a model.
  std::vector<std::int64_t> by_meaning(const auth::viewer& v, const std::string& query,
                                       std::size_t k);

  // The catalog changed: visible-id sets are rebuilt on next use.
  void catalog_changed();

 private:
  // Callers pass the connection they hold: a request leases at most one at a time.
  std::shared_ptr<const std::unordered_set<std::int64_t>> visible_ids(storage::connection& c,
                                                                      const auth::viewer& v);
  // The rails that read the database, on the caller's connection.
  void home_rails(storage::connection& c, const auth::viewer& v, std::size_t per_rail,
                  const std::function<void(rail)>& add);

  rail for_you(storage::connection& c, const auth::viewer& v,
               const std::vector<title_signal>& signals, std::size_t k);

  storage::database& db_;
  title_vectors& vectors_;
  co_watch_index& co_watch_;
  viewing::viewing_service& viewing_;
  const clock& clock_;
  std::mutex mutex_;
  // Per (tier, ceiling): at most 15 sets, each the visible part of the catalog.
  std::map<std::pair<std::int64_t, std::int64_t>,
           std::shared_ptr<const std::unordered_set<std::int64_t>>>
      visible_;
};

}  // namespace kinora::recommend
