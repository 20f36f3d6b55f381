#include "viewing/viewing_store.hpp"

#include "auth/visibility_sql.hpp"

namespace kinora::viewing::viewing_store {

namespace {

// Every query names the bookmarks table `b`.
constexpr const char* bookmark_columns =
    "b.title_id, b.episode_id, b.position_seconds, b.duration_seconds, b.completed, "
    "b.watched_seconds, "
    "b.first_watched_at, b.updated_at";

bookmark read_bookmark(const storage::row& r) {
  bookmark b;
  b.title_id = r.i64(0);
  if (r.i64(1) != 0) b.episode_id = r.i64(1);
  b.position_seconds = static_cast<int>(r.i64(2));
  b.duration_seconds = static_cast<int>(r.i64(3));
  b.completed = r.boolean(4);
  b.watched_seconds = static_cast<int>(r.i64(5));
  b.first_watched_at = r.i64(6);
  b.updated_at = r.i64(7);
  return b;
}

std::vector<bookmark> read_bookmarks(const storage::rows& rs) {
  std::vector<bookmark> out;
  for (const auto& r : rs) out.push_back(read_bookmark(r));
  return out;
}

}  // namespace

void upsert_bookmark(connection& c, std::int64_t profile_id, const bookmark& b) {
  // A new position brings a dismissed title back to Continue Watching. `completed` stays
  // set once reached: it records that the title was watched to the end.
  c.query(
      "INSERT INTO bookmarks (profile_id, title_id, episode_id, position_seconds, "
      "duration_seconds, "
      "completed, watched_seconds, first_watched_at, updated_at, dismissed) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 0) "
      "ON CONFLICT (profile_id, title_id, episode_id) DO UPDATE SET "
      "position_seconds = excluded.position_seconds, duration_seconds = excluded.duration_seconds, "
      "completed = CASE WHEN bookmarks.completed = 1 OR excluded.completed = 1 THEN 1 ELSE 0 END, "
      "watched_seconds = CASE WHEN excluded.watched_seconds > bookmarks.watched_seconds "
      "THEN excluded.watched_seconds ELSE bookmarks.watched_seconds END, "
      "updated_at = excluded.updated_at, dismissed = 0",
      {profile_id, b.title_id, b.episode_id.value_or(0), std::int64_t{b.position_seconds},
       std::int64_t{b.duration_seconds}, std::int64_t{b.completed}, std::int64_t{b.watched_seconds},
       b.updated_at});
}

std::optional<bookmark> find_bookmark(connection& c, std::int64_t profile_id, std::int64_t title_id,
                                      std::optional<std::int64_t> episode_id) {
  const auto rs = c.query(
      std::string("SELECT ") + bookmark_columns +
          " FROM bookmarks b WHERE b.profile_id = $1 AND b.title_id = $2 AND b.episode_id = $3",
      {profile_id, title_id, episode_id.value_or(0)});
  if (rs.empty()) return std::nullopt;
  return read_bookmark(rs.front());
}

std::optional<bookmark> latest_for_title(connection& c, std::int64_t profile_id,
                                         std::int64_t title_id) {
  const auto rs = c.query(std::string("SELECT ") + bookmark_columns +
                              " FROM bookmarks b WHERE b.profile_id = $1 AND b.title_id = $2 "
                              "ORDER BY b.updated_at DESC, b.episode_id DESC LIMIT 1",
                          {profile_id, title_id});
  if (rs.empty()) return std::nullopt;
  return read_bookmark(rs.front());
}

std::vector<bookmark> in_progress(connection& c, std::int64_t profile_id,
                                  const auth::visibility_filter& v, std::int64_t limit) {
  // Ties on updated_at (two saves in one second) go to the later episode id.
  storage::statement st;
  const std::string sql =
      std::string("SELECT ") + bookmark_columns +
      " FROM bookmarks b JOIN titles t ON t.id = b.title_id WHERE b.profile_id = " +
      st.bind(profile_id) + " AND b.dismissed = 0 AND " + auth::visible_sql(st, "t", v) +
      " AND NOT (b.episode_id = 0 AND b.position_seconds * 100 >= " +
      st.bind(std::int64_t{completion_percent}) +
      " * b.duration_seconds) AND NOT EXISTS (SELECT 1 FROM bookmarks n WHERE n.profile_id = "
      "b.profile_id AND n.title_id = b.title_id AND (n.updated_at > b.updated_at OR "
      "(n.updated_at = b.updated_at AND n.episode_id > b.episode_id))) "
      "ORDER BY b.updated_at DESC, b.title_id DESC LIMIT " +
      st.bind(limit);
  return read_bookmarks(st.run(c, sql));
}

std::vector<bookmark> history(connection& c, std::int64_t profile_id,
                              const auth::visibility_filter& v, std::int64_t limit,
                              std::int64_t offset) {
  storage::statement st;
  const std::string sql = std::string("SELECT ") + bookmark_columns +
                          " FROM bookmarks b JOIN titles t ON t.id = b.title_id WHERE "
                          "b.profile_id = " +
                          st.bind(profile_id) + " AND " + auth::visible_sql(st, "t", v) +
                          " ORDER BY b.updated_at DESC, b.title_id DESC, b.episode_id DESC LIMIT " +
                          st.bind(limit) + " OFFSET " + st.bind(offset);
  return read_bookmarks(st.run(c, sql));
}

std::int64_t history_size(connection& c, std::int64_t profile_id,
                          const auth::visibility_filter& v) {
  storage::statement st;
  const std::string sql =
      "SELECT COUNT(*) FROM bookmarks b JOIN titles t ON t.id = b.title_id WHERE b.profile_id = " +
      st.bind(profile_id) + " AND " + auth::visible_sql(st, "t", v);
  return st.run(c, sql).front().i64(0);
}

bool dismiss(connection& c, std::int64_t profile_id, std::int64_t title_id) {
  return c.query(
              "UPDATE bookmarks SET dismissed = 1 WHERE profile_id = $1 AND title_id = $2 AND "
              "dismissed = 0",
              {profile_id, title_id})
             .affected > 0;
}

void put_rating(connection& c, std::int64_t profile_id, std::int64_t title_id, rating r,
                std::int64_t now) {
  c.query(
      "INSERT INTO ratings (profile_id, title_id, value, updated_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (profile_id, title_id) DO UPDATE SET value = excluded.value, updated_at = "
      "excluded.updated_at",
      {profile_id, title_id, std::int64_t{static_cast<int>(r)}, now});
}

bool delete_rating(connection& c, std::int64_t profile_id, std::int64_t title_id) {
  return c.query("DELETE FROM ratings WHERE profile_id = $1 AND title_id = $2",
                 {profile_id, title_id})
             .affected > 0;
}

std::vector<std::tuple<std::int64_t, rating, std::int64_t>> ratings(connection& c,
                                                                    std::int64_t profile_id) {
  std::vector<std::tuple<std::int64_t, rating, std::int64_t>> out;
  for (const auto& r : c.query("SELECT title_id, value, updated_at FROM ratings WHERE profile_id = "
                               "$1 ORDER BY updated_at DESC, title_id",
                               {profile_id}))
    out.emplace_back(r.i64(0), static_cast<rating>(r.i64(1)), r.i64(2));
  return out;
}

bool add_to_watchlist(connection& c, std::int64_t profile_id, std::int64_t title_id,
                      std::int64_t now) {
  return c.query(
              "INSERT INTO watchlist (profile_id, title_id, added_at) VALUES ($1, $2, $3) "
              "ON CONFLICT (profile_id, title_id) DO NOTHING",
              {profile_id, title_id, now})
             .affected > 0;
}

bool remove_from_watchlist(connection& c, std::int64_t profile_id, std::int64_t title_id) {
  return c.query("DELETE FROM watchlist WHERE profile_id = $1 AND title_id = $2",
                 {profile_id, title_id})
             .affected > 0;
}

std::vector<std::pair<std::int64_t, std::int64_t>> watchlist(connection& c,
                                                             std::int64_t profile_id) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.query("SELECT title_id, added_at FROM watchlist WHERE profile_id = $1 "
                               "ORDER BY added_at DESC, title_id DESC",
                               {profile_id}))
    out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

}  // namespace kinora::viewing::viewing_store
