#include "recommend/recommend_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "auth/entitlement.hpp"
#include "catalog/catalog_store.hpp"

namespace kinora::recommend {

namespace cat = catalog::catalog_store;

void recommend_service::catalog_changed() {
  std::lock_guard lock(mutex_);
  visible_.clear();
}

std::shared_ptr<const std::unordered_set<std::int64_t>> recommend_service::visible_ids(
    const auth::viewer& v) {
  const auto f = auth::filter_for(v);
  const std::pair key{f.max_tier_rank, f.max_maturity_rank};
  {
    std::lock_guard lock(mutex_);
    if (auto it = visible_.find(key); it != visible_.end()) return it->second;
  }
  auto ids = std::make_shared<std::unordered_set<std::int64_t>>();
  for (const auto& r :
       db_.acquire()->query("SELECT id FROM titles WHERE tier_rank <= $1 AND maturity_rank <= $2",
                            {f.max_tier_rank, f.max_maturity_rank}))
    ids->insert(r.i64(0));
  std::lock_guard lock(mutex_);
  visible_[key] = ids;
  return ids;
}

result<similar_titles> recommend_service::similar(const auth::viewer& v, std::int64_t title_id,
                                                  std::size_t limit) {
  const auto filter = auth::filter_for(v);
  auto c = db_.acquire();
  const auto title = cat::find(*c, filter, title_id);
  if (!title) return fail(errc::not_found, "No title with id " + std::to_string(title_id) + ".");

  similar_titles out;
  const auto visible = visible_ids(v);
  const auto hits = vectors_.similar(title_id, limit, [&](ai::vector_id id) {
    return visible->count(static_cast<std::int64_t>(id)) > 0;
  });
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, double> scores;
  if (!hits.empty()) {
    out.source = "embeddings";
    out.reason = "Because you looked at " + title->name;
    for (const auto& h : hits) {
      ids.push_back(static_cast<std::int64_t>(h.id));
      scores[ids.back()] = h.score;
    }
  } else {
    // No vector for this title (no model, or not embedded yet): shared genres, then
    // popularity. Stable: ties go by id.
    out.source = "genres";
    out.reason =
        "More " +
        (title->genres.empty() ? std::string("popular titles") : "in " + title->genres.front()) +
        " (similarity by content is not available yet)";
    const auto rs = c->query(
        "SELECT t.id FROM titles t LEFT JOIN title_genres g ON g.title_id = t.id AND g.genre_id IN "
        "(SELECT genre_id FROM title_genres WHERE title_id = $1) "
        "WHERE t.id <> $1 AND t.tier_rank <= $2 AND t.maturity_rank <= $3 "
        "GROUP BY t.id, t.popularity ORDER BY COUNT(g.genre_id) DESC, t.popularity DESC, t.id "
        "LIMIT $4",
        {title_id, filter.max_tier_rank, filter.max_maturity_rank,
         static_cast<std::int64_t>(limit)});
    for (const auto& r : rs) ids.push_back(r.i64(0));
  }
  auto titles = cat::find_many(*c, filter, ids);
  std::unordered_map<std::int64_t, catalog::title> by_id;
  for (auto& t : titles) by_id.emplace(t.id, std::move(t));
  for (auto id : ids) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;  // deleted between the search and now
    std::optional<double> score;
    if (auto s = scores.find(id); s != scores.end()) score = s->second;
    out.items.push_back({std::move(it->second), score});
  }
  return out;
}

}  // namespace kinora::recommend
