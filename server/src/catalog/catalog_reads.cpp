#include "catalog/catalog_reads.hpp"

#include <unordered_map>

#include "auth/visibility_sql.hpp"
#include "catalog/catalog_store.hpp"
#include "storage/statement.hpp"

namespace kinora::catalog::reads {

namespace store = catalog_store;

namespace {

std::vector<std::int64_t> ids_of(const storage::rows& rs) {
  std::vector<std::int64_t> out;
  out.reserve(rs.size());
  for (const auto& r : rs) out.push_back(r.i64(0));
  return out;
}

constexpr const char* episode_ref_query =
    "SELECT e.id, s.title_id, s.number, e.number, e.title, e.runtime_minutes FROM episodes e "
    "JOIN seasons s ON s.id = e.season_id ";

episode_ref read_episode_ref(const storage::row& r) {
  return {r.i64(0),
          r.i64(1),
          static_cast<int>(r.i64(2)),
          static_cast<int>(r.i64(3)),
          r.text(4),
          static_cast<int>(r.i64(5))};
}

}  // namespace

// Titles are read as the catalog's own routes read them: one column list, one parser.
std::optional<title> find(connection& c, const visibility_filter& v, std::int64_t id) {
  return store::find(c, v, id);
}

std::vector<title> find_many(connection& c, const visibility_filter& v,
                             const std::vector<std::int64_t>& ids) {
  return store::find_many(c, v, ids);
}

std::vector<title> in_order(connection& c, const visibility_filter& v,
                            const std::vector<std::int64_t>& ids) {
  std::unordered_map<std::int64_t, title> by_id;
  for (auto& t : store::find_many(c, v, ids)) by_id.emplace(t.id, std::move(t));
  std::vector<title> out;
  for (auto id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  return out;
}

std::vector<title> featured(connection& c, const visibility_filter& v, std::int64_t limit) {
  return store::featured(c, v, limit);
}

std::vector<std::int64_t> visible_ids(connection& c, const visibility_filter& v) {
  storage::statement st;
  return ids_of(st.run(c, "SELECT id FROM titles WHERE " + auth::visible_sql(st, "", v)));
}

std::vector<std::int64_t> all_ids(connection& c) {
  return ids_of(c.query("SELECT id FROM titles ORDER BY id"));
}

std::int64_t title_count(connection& c) {
  return c.query("SELECT COUNT(*) FROM titles").front().i64(0);
}

std::vector<std::int64_t> newest(connection& c, const visibility_filter& v, std::int64_t limit) {
  storage::statement st;
  const std::string sql = "SELECT t.id FROM titles t WHERE " + auth::visible_sql(st, "t", v) +
                          " ORDER BY t.year DESC, t.added_at DESC, t.id LIMIT " + st.bind(limit);
  return ids_of(st.run(c, sql));
}

std::vector<std::int64_t> popular(connection& c, const visibility_filter& v, std::int64_t limit) {
  storage::statement st;
  const std::string sql = "SELECT t.id FROM titles t WHERE " + auth::visible_sql(st, "t", v) +
                          " ORDER BY t.popularity DESC, t.id LIMIT " + st.bind(limit);
  return ids_of(st.run(c, sql));
}

std::vector<std::int64_t> in_genre(connection& c, const visibility_filter& v,
                                   const std::string& genre_slug, std::int64_t limit) {
  // Walks titles by popularity and stops at `limit`, rather than sorting the whole genre.
  storage::statement st;
  const std::string sql = "SELECT t.id FROM titles t WHERE " + auth::visible_sql(st, "t", v) +
                          " AND EXISTS (SELECT 1 FROM title_genres tg JOIN genres g ON g.id = "
                          "tg.genre_id WHERE tg.title_id = t.id AND g.slug = " +
                          st.bind(genre_slug) + ") ORDER BY t.popularity DESC, t.id LIMIT " +
                          st.bind(limit);
  return ids_of(st.run(c, sql));
}

std::vector<std::int64_t> sharing_genres(connection& c, const visibility_filter& v,
                                         std::int64_t title_id, std::int64_t limit) {
  storage::statement st;
  const std::string same = st.bind(title_id);
  return ids_of(
      st.run(c,
             "SELECT t.id FROM titles t LEFT JOIN title_genres g ON g.title_id = t.id AND "
             "g.genre_id IN (SELECT genre_id FROM title_genres WHERE title_id = " +
                 same + ") WHERE t.id <> " + same + " AND " + auth::visible_sql(st, "t", v) +
                 " GROUP BY t.id, t.popularity ORDER BY COUNT(g.genre_id) DESC, t.popularity DESC, "
                 "t.id LIMIT " +
                 st.bind(limit)));
}

std::vector<std::pair<std::int64_t, std::string>> genre_slugs(
    connection& c, const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (ids.empty()) return out;
  storage::statement st;
  for (const auto& r :
       st.run(c,
              "SELECT tg.title_id, g.slug FROM title_genres tg JOIN genres g ON g.id = "
              "tg.genre_id WHERE tg.title_id IN (" +
                  st.bind_list(ids) + ")"))
    out.emplace_back(r.i64(0), r.text(1));
  return out;
}

std::optional<std::string> genre_name(connection& c, const std::string& slug) {
  const auto rs = c.query("SELECT name FROM genres WHERE slug = $1", {slug});
  if (rs.empty()) return std::nullopt;
  return rs.front().text(0);
}

std::optional<episode_ref> find_episode(connection& c, std::int64_t episode_id) {
  const auto rs = c.query(std::string(episode_ref_query) + "WHERE e.id = $1", {episode_id});
  if (rs.empty()) return std::nullopt;
  return read_episode_ref(rs.front());
}

std::optional<episode_ref> next_episode(connection& c, std::int64_t title_id, int season,
                                        int number) {
  const auto rs =
      c.query(std::string(episode_ref_query) +
                  "WHERE s.title_id = $1 AND (s.number > $2 OR (s.number = $2 AND e.number > $3)) "
                  "ORDER BY s.number, e.number LIMIT 1",
              {title_id, std::int64_t{season}, std::int64_t{number}});
  if (rs.empty()) return std::nullopt;
  return read_episode_ref(rs.front());
}

}  // namespace kinora::catalog::reads
