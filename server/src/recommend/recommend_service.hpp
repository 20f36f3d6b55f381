#pragma once
// Recommendations for a profile. Every result passes the one visibility rule, applied
// inside the vector search so lists are never short.
#include <map>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "auth/viewer.hpp"
#include "catalog/title.hpp"
#include "core/result.hpp"
#include "recommend/title_vectors.hpp"
#include "storage/database.hpp"

namespace kinora::recommend {

struct scored_title {
  catalog::title title;
  std::optional<double> score;  // cosine similarity; absent for the fallback
};

struct similar_titles {
  std::vector<scored_title> items;
  std::string source;  // "embeddings" or "genres"
  std::string reason;  // a line an app can show
};

class recommend_service {
 public:
  recommend_service(storage::database& db, title_vectors& vectors) : db_(db), vectors_(vectors) {}

  result<similar_titles> similar(const auth::viewer& v, std::int64_t title_id, std::size_t limit);
  // The catalog changed: visible-id sets are rebuilt on next use.
  void catalog_changed();

 private:
  std::shared_ptr<const std::unordered_set<std::int64_t>> visible_ids(const auth::viewer& v);

  storage::database& db_;
  title_vectors& vectors_;
  std::mutex mutex_;
  // Per (tier, ceiling): at most 15 sets, each the visible part of the catalog.
  std::map<std::pair<std::int64_t, std::int64_t>,
           std::shared_ptr<const std::unordered_set<std::int64_t>>>
      visible_;
};

}  // namespace kinora::recommend
