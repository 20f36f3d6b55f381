#include "eval/movielens_import.hpp"

#include <set>

#include "auth/account_store.hpp"
#include "auth/password.hpp"
#include "catalog/catalog_writes.hpp"
#include "core/text.hpp"
#include "playback/play_log.hpp"
#include "viewing/viewing_store.hpp"

namespace kinora::eval {

namespace cat = catalog::writes;

std::optional<viewing::rating> thumbs_for(double stars) {
  if (stars >= 4.5) return viewing::rating::love;
  if (stars >= 3.5) return viewing::rating::up;
  if (stars <= 2.0) return viewing::rating::down;
  return std::nullopt;
}

namespace {

// Tags first (what viewers noticed), then TMDB keywords; case-insensitive duplicates go.
std::vector<std::string> themes_of(const movie& m) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto* list : {&m.tags, &m.keywords})
    for (const auto& s : *list)
      if (seen.insert(text::fold(s)).second) out.push_back(s);
  return out;
}

}  // namespace

imported_catalog import_catalog(storage::database& db, const movielens& data,
                                const std::vector<user_split>& users, std::int64_t now) {
  std::map<std::int64_t, std::int64_t> plays;
  for (const auto& u : users)
    for (const auto& r : u.training) ++plays[r.movie_id];

  imported_catalog out;
  db.transact([&](storage::connection& c) {
    std::set<std::string> genre_names;
    for (const auto& m : data.movies) genre_names.insert(m.genres.begin(), m.genres.end());
    for (const auto& g : genre_names) cat::ensure_genre(c, text::slugify(g), g);
    out.genres = genre_names.size();

    std::set<std::string> slugs;
    for (const auto& m : data.movies) {
      catalog::title t;
      t.kind = catalog::title_kind::movie;
      t.name = m.name;
      t.synopsis = m.overview;
      t.year = m.year;
      t.runtime_minutes = m.runtime_minutes > 0 ? m.runtime_minutes : assumed_runtime_minutes;
      // MovieLens has no age ratings: unknown counts as adult, so kids profiles see none.
      t.maturity = auth::maturity::age18;
      t.tier = auth::tier::basic;
      for (const auto& g : m.genres) t.genres.push_back(text::slugify(g));
      t.themes = themes_of(m);
      t.popularity = plays.count(m.movie_id) ? plays.at(m.movie_id) : 0;
      t.added_at = t.updated_at = now;
      t.slug = text::slugify(m.name + (m.year ? " " + std::to_string(m.year) : ""));
      if (t.slug.empty() || !slugs.insert(t.slug).second) {
        t.slug += "-ml" + std::to_string(m.movie_id);
        slugs.insert(t.slug);
      }
      const auto id = cat::insert_title(c, t);
      out.title_of[m.movie_id] = id;
      out.movie_of[id] = m.movie_id;
    }
  });
  return out;
}

std::map<std::int64_t, auth::viewer> import_users(storage::database& db,
                                                  const imported_catalog& catalog,
                                                  const std::vector<user_split>& users,
                                                  std::int64_t now) {
  // One Argon2id hash for all: hashing 610 passwords would take longer than the import.
  const auto hash = auth::hash_password(eval_password);
  std::map<std::int64_t, auth::viewer> out;
  for (const auto& u : users) {
    db.transact([&](storage::connection& c) {
      const auto email = "movielens-" + std::to_string(u.user_id) + "@eval.kinora.test";
      const auto account =
          auth::account_store::insert_account(c, email, hash, auth::tier::premium, false, now);
      auth::profile p;
      p.account_id = account;
      p.name = "MovieLens " + std::to_string(u.user_id);
      p.ceiling = auth::maturity::age18;
      p.created_at = now;
      const auto profile = auth::account_store::insert_profile(c, p);
      const auth::viewer viewer{
          account, profile, auth::role::viewer, auth::tier::premium, auth::maturity::age18, false};
      for (const auto& r : u.training) {
        const auto title = catalog.title_of.at(r.movie_id);
        viewing::bookmark b;
        b.title_id = title;
        b.duration_seconds = b.position_seconds = b.watched_seconds = 60 * assumed_runtime_minutes;
        b.completed = true;
        b.first_watched_at = b.updated_at = r.at;
        viewing::viewing_store::upsert_bookmark(c, profile, b);
        // Each rating was a play, counted as the dashboard and Ask the data count plays.
        playback::playback_session play;
        play.title_id = title;
        play.started_at = r.at;
        playback::play_log::record(c, viewer, play);
        if (const auto thumbs = thumbs_for(r.stars))
          viewing::viewing_store::put_rating(c, profile, title, *thumbs, r.at);
      }
      out[u.user_id] = viewer;
    });
  }
  return out;
}

}  // namespace kinora::eval
