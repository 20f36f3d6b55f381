#include "recommend/signals_store.hpp"

#include <unordered_map>

#include "auth/visibility_sql.hpp"
#include "catalog/catalog_reads.hpp"

namespace kinora::recommend::signals_store {

namespace {

std::vector<std::int64_t> ids_of(const storage::rows& rs) {
  std::vector<std::int64_t> out;
  for (const auto& r : rs) out.push_back(r.i64(0));
  return out;
}

}  // namespace

std::vector<title_signal> profile_signals(connection& c, std::int64_t profile_id) {
  std::unordered_map<std::int64_t, title_signal> by_title;
  for (const auto& r : c.query(
           "SELECT title_id, MAX(updated_at), MAX(completed) FROM bookmarks WHERE profile_id = $1 "
           "GROUP BY title_id",
           {profile_id})) {
    auto& s = by_title[r.i64(0)];
    s.title_id = r.i64(0);
    s.last_at = r.i64(1);
    s.watched = true;
    s.completed = r.i64(2) != 0;
  }
  for (const auto& r : c.query(
           "SELECT title_id, value, updated_at FROM ratings WHERE profile_id = $1", {profile_id})) {
    auto& s = by_title[r.i64(0)];
    s.title_id = r.i64(0);
    s.rating = static_cast<int>(r.i64(1));
    s.last_at = std::max(s.last_at, r.i64(2));
  }
  std::vector<title_signal> out;
  out.reserve(by_title.size());
  for (auto& [id, s] : by_title) out.push_back(s);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.last_at != b.last_at ? a.last_at > b.last_at : a.title_id < b.title_id;
  });
  return out;
}

std::vector<std::int64_t> trending(connection& c, const visibility_filter& v, std::int64_t since,
                                   std::int64_t until, std::int64_t limit) {
  storage::statement st;
  const std::string sql =
      "SELECT t.id FROM bookmarks b JOIN titles t ON t.id = b.title_id WHERE " +
      auth::visible_sql(st, "t", v) + " AND b.updated_at BETWEEN " + st.bind(since) + " AND " +
      st.bind(until) +
      " GROUP BY t.id, t.popularity ORDER BY COUNT(DISTINCT b.profile_id) DESC, t.popularity "
      "DESC, t.id LIMIT " +
      st.bind(limit);
  return ids_of(st.run(c, sql));
}

std::map<std::string, double> genre_weights(connection& c,
                                            const std::map<std::int64_t, double>& title_weights) {
  std::map<std::string, double> out;
  if (title_weights.empty()) return out;
  std::vector<std::int64_t> ids;
  ids.reserve(title_weights.size());
  for (const auto& [id, w] : title_weights) ids.push_back(id);
  for (const auto& [id, slug] : catalog::reads::genre_slugs(c, ids))
    out[slug] += title_weights.at(id);
  return out;
}

}  // namespace kinora::recommend::signals_store
