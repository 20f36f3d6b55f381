#include "recommend/recommend_service.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "auth/entitlement.hpp"
#include "catalog/catalog_reads.hpp"
#include "recommend/signals_store.hpp"

namespace kinora::recommend {

namespace cat = catalog::reads;

void recommend_service::catalog_changed() {
  std::lock_guard lock(mutex_);
  visible_.clear();
}

std::shared_ptr<const std::unordered_set<std::int64_t>> recommend_service::visible_ids(
    storage::connection& c, const auth::viewer& v) {
  const auto f = auth::filter_for(v);
  const std::pair key{f.max_tier_rank, f.max_maturity_rank};
  {
    std::lock_guard lock(mutex_);
    if (auto it = visible_.find(key); it != visible_.end()) return it->second;
  }
  const auto all = cat::visible_ids(c, f);
  auto ids = std::make_shared<std::unordered_set<std::int64_t>>(all.begin(), all.end());
  std::lock_guard lock(mutex_);
  visible_[key] = ids;
  return ids;
}

std::vector<std::int64_t> recommend_service::by_meaning(const auth::viewer& v,
                                                        const std::string& query, std::size_t k) {
  // Below this, MiniLM's cosine between a short query and a synopsis is mostly noise:
  // a precise keyword search should not grow a tail of unrelated titles.
  constexpr float min_cosine = 0.3f;
  const auto visible = visible_ids(*db_.acquire(), v);
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
  const auto visible = visible_ids(*c, v);
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
    ids = cat::sharing_genres(*c, filter, title_id, static_cast<std::int64_t>(limit));
  }
  // Those deleted between the search and now are left out.
  for (auto& t : cat::in_order(*c, filter, ids)) {
    std::optional<double> score;
    if (auto s = scores.find(t.id); s != scores.end()) score = s->second;
    out.items.push_back({std::move(t), score});
  }
  return out;
}

}  // namespace kinora::recommend

namespace kinora::recommend {

namespace {

namespace sig = signals_store;

// How many of the latest signals add their co-watch neighbours to For You.
constexpr std::size_t max_co_watch_anchors = 100;
// For You's blend, tuned with kinora eval on MovieLens: co-watching weighs more with
// every signal until it weighs as much as meaning (at ten signals). Anywhere from 0.4
// to 0.6 scored within 2% of the best NDCG@10; a lambda of 0.65 to 0.85 for MMR too.
constexpr double co_share_per_signal = 0.05;
constexpr double max_co_share = 0.5;
constexpr double popularity_share = 0.1;
constexpr double diversity_lambda = 0.75;

std::vector<std::int64_t> first(std::vector<std::int64_t> ids, std::size_t k) {
  if (ids.size() > k) ids.resize(k);
  return ids;
}

}  // namespace

rail recommend_service::for_you(storage::connection& c, const auth::viewer& v,
                                const std::vector<title_signal>& signals, std::size_t k) {
  const auto filter = auth::filter_for(v);
  const auto now = clock_.now_unix();
  std::deque<std::vector<float>> held;  // deque: the pointers handed out stay valid
  auto lookup = [&](std::int64_t id) -> const std::vector<float>* {
    auto vec = vectors_.vector_of(id);
    if (!vec) return nullptr;
    return &held.emplace_back(std::move(*vec));
  };
  const auto taste = taste_vector(signals, now, lookup);
  if (!taste) {
    return {"for-you", "For You", "Popular on Kinora while we learn what you like",
            cat::in_order(c, filter, cat::popular(c, filter, static_cast<std::int64_t>(k)))};
  }
  // Finished, disliked and in-progress titles are not suggested again.
  std::unordered_set<std::int64_t> skip;
  for (const auto& s : signals)
    if (s.watched || (s.rating && *s.rating < 0)) skip.insert(s.title_id);
  const auto visible = visible_ids(c, v);
  auto eligible = [&](std::int64_t id) { return visible->count(id) && !skip.count(id); };
  const std::size_t pool = 4 * k + 20;

  // Two sources of candidates: titles close to the taste vector in meaning, and titles
  // that viewers of the profile's recent titles also played (dislikes subtract).
  std::unordered_map<std::int64_t, double> content, co;
  for (const auto& h : vectors_.nearest(
           *taste, pool, [&](ai::vector_id id) { return eligible(static_cast<std::int64_t>(id)); }))
    content[static_cast<std::int64_t>(h.id)] = h.score;
  const auto neighbours = co_watch_.lists();
  std::size_t anchors = 0;
  for (const auto& s : signals) {
    if (anchors == max_co_watch_anchors) break;
    const double w = taste_weight(s, now);
    const auto list = neighbours->find(s.title_id);
    if (w == 0 || list == neighbours->end()) continue;
    ++anchors;
    for (const auto& n : list->second)
      if (eligible(n.title_id)) co[n.title_id] += w * n.score;
  }
  std::vector<std::pair<double, std::int64_t>> by_co;
  for (const auto& [id, score] : co)
    if (score > 0) by_co.push_back({-score, id});
  const auto co_pool = std::min(pool, by_co.size());
  std::partial_sort(by_co.begin(), by_co.begin() + static_cast<std::ptrdiff_t>(co_pool),
                    by_co.end());
  std::vector<std::int64_t> ids;
  ids.reserve(content.size() + co_pool);
  for (const auto& [id, score] : content) ids.push_back(id);
  for (std::size_t i = 0; i < co_pool; ++i)
    if (!content.count(by_co[i].second)) ids.push_back(by_co[i].second);
  const double co_max = co_pool ? -by_co.front().first : 1.0;

  // Co-watching says more than meaning once there is a history to go on; popularity
  // breaks near-ties.
  const double co_share =
      std::min(max_co_share, co_share_per_signal * static_cast<double>(signals.size()));
  std::unordered_map<std::int64_t, catalog::title> titles;
  std::int64_t pop_max = 1;
  for (auto& t : cat::find_many(c, filter, ids)) {
    pop_max = std::max(pop_max, t.popularity);
    titles.emplace(t.id, std::move(t));
  }
  std::vector<candidate> candidates;
  for (auto id : ids) {
    const auto t = titles.find(id);
    if (t == titles.end()) continue;  // deleted since the search
    const auto* vector = lookup(id);
    double meaning = 0;
    if (const auto it = content.find(id); it != content.end())
      meaning = it->second;
    else if (vector)
      meaning = cosine(*taste, *vector);
    const auto co_it = co.find(id);
    const double together = co_it == co.end() ? 0.0 : std::max(0.0, co_it->second) / co_max;
    const double relevance =
        (1 - co_share) * meaning + co_share * together +
        popularity_share * static_cast<double>(t->second.popularity) / static_cast<double>(pop_max);
    candidates.push_back({id, relevance, vector});
  }
  rail out{"for-you",
           "For You",
           co_pool ? "Picked for what you watched and what viewers like you watched next"
                   : "Picked for what you watched and liked",
           {}};
  for (auto id : diversify(std::move(candidates), k, diversity_lambda))
    out.items.push_back(std::move(titles.at(id)));
  return out;
}

std::vector<rail> recommend_service::home(const auth::viewer& v, std::size_t per_rail) {
  const auto k = static_cast<std::int64_t>(per_rail);
  std::vector<rail> rails;
  auto add = [&](rail r) {
    if (!r.items.empty()) rails.push_back(std::move(r));
  };

  rail watching{"continue-watching", "Continue Watching", "Pick up where you left off", {}};
  for (auto& item : viewing_.continue_watching(v, k))
    watching.items.push_back(std::move(item.title));
  add(std::move(watching));

  {
    // One pooled connection per request at most: the watchlist below takes its own, so
    // this one goes back first (nested leases deadlock a pool as small as the workers).
    auto c = db_.acquire();
    home_rails(*c, v, per_rail, add);
  }

  rail list{"watchlist", "My List", "Titles you saved for later", {}};
  for (auto& item : viewing_.watchlist(v)) {
    if (list.items.size() >= per_rail) break;
    list.items.push_back(std::move(item.title));
  }
  add(std::move(list));
  return rails;
}

void recommend_service::home_rails(storage::connection& conn, const auth::viewer& v,
                                   std::size_t per_rail, const std::function<void(rail)>& add) {
  auto* c = &conn;  // the body reads c-> as it did with a lease
  const auto filter = auth::filter_for(v);
  const auto k = static_cast<std::int64_t>(per_rail);
  const auto signals = sig::profile_signals(*c, v.profile_id);
  add(for_you(*c, v, signals, per_rail));

  // Because You Watched: the one or two most recent titles the profile did not dislike.
  const auto visible = visible_ids(*c, v);
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
    ids.reserve(hits.size());
    for (const auto& h : hits) ids.push_back(static_cast<std::int64_t>(h.id));
    const auto anchor = cat::find(*c, filter, s.title_id);
    add({"because-you-watched-" + std::to_string(s.title_id), "Because You Watched " + anchor->name,
         "Similar in story and tone to " + anchor->name, cat::in_order(*c, filter, ids)});
    ++because;
  }

  add({"new-releases", "New Releases", "The newest titles on Kinora",
       cat::in_order(*c, filter, cat::newest(*c, filter, k))});
  const auto now = clock_.now_unix();
  add({"trending", "Trending Now", "Most played on Kinora in the last 7 days",
       cat::in_order(*c, filter, sig::trending(*c, filter, now - 7 * 86400, now, k))});

  // Top Picks in the genre the profile's taste leans to most; editorial picks before any.
  // The latest titles decide (signals are newest first): a long history's old tail
  // weighs next to nothing after the recency decay, yet cost a genre lookup each.
  constexpr std::size_t max_genre_signals = 200;
  std::map<std::int64_t, double> weights;
  for (const auto& s : signals) {
    if (weights.size() == max_genre_signals) break;
    if (const double w = taste_weight(s, now); w > 0) weights[s.title_id] = w;
  }
  const auto genres = sig::genre_weights(*c, weights);
  if (!genres.empty()) {
    const auto top = std::max_element(genres.begin(), genres.end(), [](auto& a, auto& b) {
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    });
    std::vector<std::int64_t> picks;
    for (auto id : cat::in_genre(*c, filter, top->first, k + 20))
      if (!finished.count(id)) picks.push_back(id);
    const std::string name = cat::genre_name(*c, top->first).value_or(top->first);
    add({"top-picks-" + top->first, "Top Picks in " + name,
         "Because " + name + " is what you watch most",
         cat::in_order(*c, filter, first(picks, per_rail))});
  } else {
    add({"featured", "Featured", "Chosen by the Kinora editors", cat::featured(*c, filter, k)});
  }
}

}  // namespace kinora::recommend
