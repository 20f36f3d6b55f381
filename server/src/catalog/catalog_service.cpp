#include "catalog/catalog_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "catalog/catalog_store.hpp"
#include "core/text.hpp"

namespace kinora::catalog {

namespace store = catalog_store;

namespace {

error not_found(std::string_view what, std::int64_t id) {
  return fail(errc::not_found, std::string(what) + " " + std::to_string(id) + " does not exist.");
}

error duplicate(const storage::storage_error& e, std::string detail) {
  if (e.which() == storage::storage_error::kind::unique_violation)
    return fail(errc::conflict, std::move(detail), "duplicate");
  throw e;
}

void apply(title& t, const title_input& in) {
  if (in.slug) t.slug = *in.slug;
  if (in.kind) t.kind = *in.kind;
  if (in.name) t.name = *in.name;
  if (in.synopsis) t.synopsis = *in.synopsis;
  if (in.year) t.year = static_cast<int>(*in.year);
  if (in.runtime_minutes) t.runtime_minutes = static_cast<int>(*in.runtime_minutes);
  if (in.maturity) t.maturity = *in.maturity;
  if (in.tier) t.tier = *in.tier;
  if (in.genres) t.genres = *in.genres;
  if (in.cast) t.cast = *in.cast;
  if (in.director) t.director = *in.director;
  if (in.moods) t.moods = *in.moods;
  if (in.themes) t.themes = *in.themes;
  if (in.popularity) t.popularity = *in.popularity;
  if (in.featured) t.featured = *in.featured;
}

}  // namespace

page<title> catalog_service::list(const auth::viewer& v, const title_query& q) {
  auto c = db_.acquire();
  return store::list(*c, db_.kind(), auth::filter_for(v), q);
}

result<page<title>> catalog_service::search(const auth::viewer& v, const std::string& query,
                                            std::int64_t limit, std::int64_t offset) {
  auto words = text::words(query);
  // Bound the work a query can ask for; nobody types more than this.
  if (words.size() > 12) words.resize(12);
  std::string folded;
  for (const auto& w : words) folded += (folded.empty() ? "" : " ") + w;
  // The meaning search leases its own connection: run it before this request takes one,
  // so a request never holds a lease while waiting for another.
  const bool fused = semantic_ && !words.empty();
  const auto by_meaning = fused ? semantic_(query, v, 50) : std::vector<std::int64_t>{};
  auto c = db_.acquire();
  const auto filter = auth::filter_for(v);
  if (!fused) return store::search(*c, db_.kind(), filter, words, folded, limit, offset);

  // Words and meaning, fused by reciprocal rank (k = 60) over the best of each; exact
  // title matches stay first, so typing a title always finds it on top.
  constexpr std::int64_t depth = 100;
  constexpr double k = 60;
  auto by_words = store::search(*c, db_.kind(), filter, words, folded, depth, 0);
  std::unordered_map<std::int64_t, double> score;
  std::unordered_map<std::int64_t, title> found;
  for (std::size_t i = 0; i < by_words.items.size(); ++i) {
    auto& t = by_words.items[i];
    score[t.id] += 1.0 / (k + static_cast<double>(i + 1));
    std::string name;
    for (const auto& w : text::words(t.name)) name += (name.empty() ? "" : " ") + w;
    if (name == folded) score[t.id] += 1.0;
    found.emplace(t.id, std::move(t));
  }
  for (std::size_t i = 0; i < by_meaning.size(); ++i)
    score[by_meaning[i]] += 1.0 / (k + static_cast<double>(i + 1));
  std::vector<std::int64_t> missing;
  for (const auto& [id, s] : score)
    if (!found.count(id)) missing.push_back(id);
  for (auto& t : store::find_many(*c, filter, missing)) found.emplace(t.id, std::move(t));

  std::vector<std::pair<double, std::int64_t>> ranked;
  for (const auto& [id, s] : score)
    if (found.count(id)) ranked.emplace_back(s, id);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  page<title> out;
  out.total = static_cast<std::int64_t>(ranked.size());
  out.limit = limit;
  out.offset = offset;
  for (auto i = offset; i < std::min<std::int64_t>(offset + limit, out.total); ++i)
    out.items.push_back(std::move(found.at(ranked[static_cast<std::size_t>(i)].second)));
  return out;
}

result<title> catalog_service::get(const auth::viewer& v, std::int64_t id) {
  auto c = db_.acquire();
  auto t = store::find(*c, auth::filter_for(v), id);
  if (!t) return not_found("Title", id);
  store::fill_playability(*c, *t, demo_packaging_ && demo_packaging_());
  return std::move(*t);
}

std::vector<title> catalog_service::featured(const auth::viewer& v, std::int64_t limit) {
  auto c = db_.acquire();
  return store::featured(*c, auth::filter_for(v), limit);
}

std::vector<genre> catalog_service::genres(const auth::viewer& v) {
  auto c = db_.acquire();
  return store::genres(*c, auth::filter_for(v));
}

page<admin_title> catalog_service::admin_list(const title_query& q) {
  auto c = db_.acquire();
  return store::admin_list(*c, q, embedding_model_ ? embedding_model_() : std::string());
}

result<title> catalog_service::admin_get(std::int64_t id) {
  auto c = db_.acquire();
  auto t = store::find(*c, store::everything, id);
  if (!t) return not_found("Title", id);
  return std::move(*t);
}

result<title> catalog_service::create_title(const title_input& in) {
  auto created = insert_title(in);
  if (created) notify(created->id);
  return created;
}

result<title> catalog_service::update_title(std::int64_t id, const title_input& in) {
  auto updated = change_title(id, in);
  if (updated) notify(id);
  return updated;
}

void catalog_service::notify(std::int64_t title_id) {
  if (on_title_changed_) on_title_changed_(title_id);
}

result<title> catalog_service::insert_title(const title_input& in) {
  title t;
  apply(t, in);
  if (t.slug.empty()) t.slug = text::slugify(t.name);
  if (t.slug.empty()) return invalid_field("slug", "must contain letters or digits");
  t.added_at = t.updated_at = clock_.now_unix();
  try {
    return db_.transact([&](storage::connection& c) -> result<title> {
      if (auto unknown = store::unknown_genres(c, t.genres); !unknown.empty())
        return invalid_field("genres", "unknown genre '" + unknown.front() + "'");
      t.id = store::insert_title(c, t);
      return *store::find(c, store::everything, t.id);
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "A title with slug '" + t.slug + "' already exists.");
  }
}

result<title> catalog_service::change_title(std::int64_t id, const title_input& in) {
  try {
    return db_.transact([&](storage::connection& c) -> result<title> {
      auto t = store::find(c, store::everything, id);
      if (!t) return not_found("Title", id);
      if (in.kind && *in.kind != t->kind && !t->seasons.empty())
        return invalid_field(
            "type", "a series with seasons cannot become a movie; delete its seasons first");
      apply(*t, in);
      if (auto unknown = store::unknown_genres(c, t->genres); !unknown.empty())
        return invalid_field("genres", "unknown genre '" + unknown.front() + "'");
      t->updated_at = clock_.now_unix();
      store::update_title(c, *t);
      return *store::find(c, store::everything, id);
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "Another title already uses that slug.");
  }
}

status catalog_service::delete_title(std::int64_t id) {
  auto c = db_.acquire();
  if (!store::delete_title(*c, id)) return not_found("Title", id);
  notify(id);
  return ok();
}

result<season> catalog_service::create_season(std::int64_t title_id, const season_input& in) {
  try {
    return db_.transact([&](storage::connection& c) -> result<season> {
      const auto t = store::find(c, store::everything, title_id);
      if (!t) return not_found("Title", title_id);
      if (t->kind != title_kind::series)
        return fail(errc::conflict, "Only a series has seasons.", "not-a-series");
      season s{0,
               title_id,
               static_cast<int>(*in.number),
               in.name.value_or("Season " + std::to_string(*in.number)),
               {}};
      s.id = store::insert_season(c, s);
      return s;
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "This series already has season " + std::to_string(*in.number) + ".");
  }
}

result<season> catalog_service::update_season(std::int64_t id, const season_input& in) {
  try {
    return db_.transact([&](storage::connection& c) -> result<season> {
      auto s = store::find_season(c, id);
      if (!s) return not_found("Season", id);
      if (in.number) s->number = static_cast<int>(*in.number);
      if (in.name) s->name = *in.name;
      store::update_season(c, *s);
      return *s;
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "This series already has a season with that number.");
  }
}

status catalog_service::delete_season(std::int64_t id) {
  auto c = db_.acquire();
  if (!store::delete_season(*c, id)) return not_found("Season", id);
  return ok();
}

result<episode> catalog_service::create_episode(std::int64_t season_id, const episode_input& in) {
  try {
    return db_.transact([&](storage::connection& c) -> result<episode> {
      if (!store::find_season(c, season_id)) return not_found("Season", season_id);
      episode e{.season_id = season_id,
                .number = static_cast<int>(*in.number),
                .title = *in.title,
                .synopsis = in.synopsis.value_or(""),
                .runtime_minutes = static_cast<int>(*in.runtime_minutes)};
      e.id = store::insert_episode(c, e);
      return e;
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "This season already has episode " + std::to_string(*in.number) + ".");
  }
}

result<episode> catalog_service::update_episode(std::int64_t id, const episode_input& in) {
  try {
    return db_.transact([&](storage::connection& c) -> result<episode> {
      auto e = store::find_episode(c, id);
      if (!e) return not_found("Episode", id);
      if (in.number) e->number = static_cast<int>(*in.number);
      if (in.title) e->title = *in.title;
      if (in.synopsis) e->synopsis = *in.synopsis;
      if (in.runtime_minutes) e->runtime_minutes = static_cast<int>(*in.runtime_minutes);
      store::update_episode(c, *e);
      return *e;
    });
  } catch (const storage::storage_error& e) {
    return duplicate(e, "This season already has an episode with that number.");
  }
}

status catalog_service::delete_episode(std::int64_t id) {
  auto c = db_.acquire();
  if (!store::delete_episode(*c, id)) return not_found("Episode", id);
  return ok();
}

}  // namespace kinora::catalog
