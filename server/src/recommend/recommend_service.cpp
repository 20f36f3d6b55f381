#include "recommend/recommend_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "auth/entitlement.hpp"
#include "catalog/catalog_store.hpp"
#include "recommend/signals_store.hpp"

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

std::vector<std::int64_t> recommend_service::by_meaning(const auth::viewer& v,
                                                        const std::string& query, std::size_t k) {
  // Below this, MiniLM's cosine between a short query and a synopsis is mostly noise:
  // a precise keyword search should not grow a tail of unrelated titles.
  constexpr float min_cosine = 0.3f;
  const auto visible = visible_ids(v);
  std::vector<std::int64_t> out;
  for (const auto& h : vectors_.search(query, k, [&](ai::vector_id id) {
         return visible->count(static_cast<std::int64_t>(id)) > 0;
       }))
    if (h.score >= min_cosine) out.push_back(static_cast<std::int64_t>(h.id));
  return out;
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

namespace kinora::recommend {

namespace {

namespace sig = signals_store;

std::vector<catalog::title> in_order(storage::connection& c, const auth::visibility_filter& f,
                                     const std::vector<std::int64_t>& ids) {
  auto found = cat::find_many(c, f, ids);
  std::unordered_map<std::int64_t, catalog::title> by_id;
  for (auto& t : found) by_id.emplace(t.id, std::move(t));
  std::vector<catalog::title> out;
  for (auto id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  return out;
}

// How many of the latest liked titles seed the co-watching counts.
constexpr std::size_t max_co_watch_anchors = 50;

std::vector<std::int64_t> first(std::vector<std::int64_t> ids, std::size_t k) {
  if (ids.size() > k) ids.resize(k);
  return ids;
}

}  // namespace

rail recommend_service::for_you(storage::connection& c, const auth::viewer& v,
                                const std::vector<title_signal>& signals, std::size_t k) {
  const auto filter = auth::filter_for(v);
  const auto now = clock_.now_unix();
  std::vector<std::shared_ptr<const std::vector<float>>> held;
  auto lookup = [&](std::int64_t id) -> const std::vector<float>* {
    held.push_back(vectors_.vector_of(id));
    return held.back().get();
  };
  const auto taste = taste_vector(signals, now, lookup);
  if (!taste) {
    return {"for-you", "For You", "Popular on Kinora while we learn what you like",
            in_order(c, filter, sig::popular(c, filter, static_cast<std::int64_t>(k)))};
  }
  // Finished, disliked and in-progress titles are not suggested again.
  std::unordered_set<std::int64_t> skip;
  std::vector<std::int64_t> liked;
  for (const auto& s : signals) {
    if (s.watched || (s.rating && *s.rating < 0)) skip.insert(s.title_id);
    if (taste_weight(s, now) > 0) liked.push_back(s.title_id);
  }
  const auto visible = visible_ids(v);
  const auto hits = vectors_.nearest(*taste, 4 * k + 20, [&](ai::vector_id id) {
    const auto tid = static_cast<std::int64_t>(id);
    return visible->count(tid) && !skip.count(tid);
  });
  std::vector<std::int64_t> hit_ids;
  for (const auto& h : hits) hit_ids.push_back(static_cast<std::int64_t>(h.id));
  // As history grows, what similar viewers played counts for more; popularity breaks
  // near-ties early on. The most recent likes speak for the taste (and bound the cost).
  if (liked.size() > max_co_watch_anchors) liked.resize(max_co_watch_anchors);
  const auto co = sig::co_watched(c, v.profile_id, liked, hit_ids);
  std::int64_t co_max = 1;
  for (const auto& [id, n] : co) co_max = std::max(co_max, n);
  const double co_weight = std::min(0.3, 0.03 * static_cast<double>(signals.size()));
  // The candidates' titles are read once: for popularity now and for the rail below.
  std::unordered_map<std::int64_t, catalog::title> titles;
  std::int64_t pop_max = 1;
  for (auto& t : cat::find_many(c, filter, hit_ids)) {
    pop_max = std::max(pop_max, t.popularity);
    titles.emplace(t.id, std::move(t));
  }
  std::vector<candidate> candidates;
  for (const auto& h : hits) {
    const auto id = static_cast<std::int64_t>(h.id);
    const auto t = titles.find(id);
    if (t == titles.end()) continue;  // deleted since the search
    const auto co_it = co.find(id);
    const double relevance =
        h.score +
        co_weight * (co_it == co.end() ? 0.0 : static_cast<double>(co_it->second) / co_max) +
        0.1 * static_cast<double>(t->second.popularity) / static_cast<double>(pop_max);
    candidates.push_back({id, relevance, lookup(id)});
  }
  rail out{"for-you", "For You", "Picked for what you watched and liked", {}};
  for (auto id : diversify(std::move(candidates), k, 0.75))
    out.items.push_back(std::move(titles.at(id)));
  return out;
}

std::vector<rail> recommend_service::home(const auth::viewer& v, std::size_t per_rail) {
  const auto filter = auth::filter_for(v);
  const auto k = static_cast<std::int64_t>(per_rail);
  std::vector<rail> rails;
  auto add = [&](rail r) {
    if (!r.items.empty()) rails.push_back(std::move(r));
  };

  rail watching{"continue-watching", "Continue Watching", "Pick up where you left off", {}};
  for (auto& item : viewing_.continue_watching(v, k))
    watching.items.push_back(std::move(item.title));
  add(std::move(watching));

  auto c = db_.acquire();
  const auto signals = sig::profile_signals(*c, v.profile_id);
  add(for_you(*c, v, signals, per_rail));

  // Because You Watched: the one or two most recent titles the profile did not dislike.
  const auto visible = visible_ids(v);
  std::unordered_set<std::int64_t> finished;
  for (const auto& s : signals)
    if (s.completed) finished.insert(s.title_id);
  int because = 0;
  for (const auto& s : signals) {
    if (because == 2) break;
    if (!s.watched || (s.rating && *s.rating < 0) || !visible->count(s.title_id)) continue;
    const auto hits = vectors_.similar(s.title_id, per_rail, [&](ai::vector_id id) {
      const auto tid = static_cast<std::int64_t>(id);
      return visible->count(tid) && !finished.count(tid);
    });
    if (hits.empty()) continue;
    std::vector<std::int64_t> ids;
    for (const auto& h : hits) ids.push_back(static_cast<std::int64_t>(h.id));
    const auto anchor = cat::find(*c, filter, s.title_id);
    add({"because-you-watched-" + std::to_string(s.title_id), "Because You Watched " + anchor->name,
         "Similar in story and tone to " + anchor->name, in_order(*c, filter, ids)});
    ++because;
  }

  add({"new-releases", "New Releases", "The newest titles on Kinora",
       in_order(*c, filter, sig::newest(*c, filter, k))});
  add({"trending", "Trending Now", "Most played on Kinora in the last 7 days",
       in_order(*c, filter, sig::trending(*c, filter, clock_.now_unix() - 7 * 86400, k))});

  // Top Picks in the genre the profile's taste leans to most; editorial picks before any.
  // The latest titles decide (signals are newest first): a long history's old tail
  // weighs next to nothing after the recency decay, yet cost a genre lookup each.
  constexpr std::size_t max_genre_signals = 200;
  std::map<std::int64_t, double> weights;
  for (const auto& s : signals) {
    if (weights.size() == max_genre_signals) break;
    if (const double w = taste_weight(s, clock_.now_unix()); w > 0) weights[s.title_id] = w;
  }
  const auto genres = sig::genre_weights(*c, weights);
  if (!genres.empty()) {
    const auto top = std::max_element(genres.begin(), genres.end(), [](auto& a, auto& b) {
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    });
    std::vector<std::int64_t> picks;
    for (auto id : sig::in_genre(*c, filter, top->first, k + 20))
      if (!finished.count(id)) picks.push_back(id);
    const auto names = c->query("SELECT name FROM genres WHERE slug = $1", {top->first});
    const std::string name = names.empty() ? top->first : names.front().text(0);
    add({"top-picks-" + top->first, "Top Picks in " + name,
         "Because " + name + " is what you watch most",
         in_order(*c, filter, first(picks, per_rail))});
  } else {
    add({"featured", "Featured", "Chosen by the Kinora editors", cat::featured(*c, filter, k)});
  }

  rail list{"watchlist", "My List", "Titles you saved for later", {}};
  for (auto& item : viewing_.watchlist(v)) {
    if (list.items.size() >= per_rail) break;
    list.items.push_back(std::move(item.title));
  }
  add(std::move(list));
  return rails;
}

}  // namespace kinora::recommend
