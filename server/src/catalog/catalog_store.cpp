#include "catalog/catalog_store.hpp"

#include <boost/json.hpp>

#include <map>
#include <set>

#include "auth/visibility_sql.hpp"
#include "core/text.hpp"
#include "storage/statement.hpp"

namespace kinora::catalog::catalog_store {

namespace bj = boost::json;
using storage::value;

namespace {

constexpr const char* title_columns =
    "t.id, t.slug, t.kind, t.title, t.synopsis, t.year, t.runtime_minutes, t.maturity, t.tier, "
    "t.cast_members, t.director, t.moods, t.themes, t.popularity, t.featured, t.added_at, "
    "t.updated_at";

std::vector<std::string> from_json_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  const auto v = bj::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

std::string to_json_list(const std::vector<std::string>& items) {
  bj::array a;
  for (const auto& s : items) a.emplace_back(s);
  return bj::serialize(a);
}

title read_title(const storage::row& r) {
  title t;
  t.id = r.i64(0);
  t.slug = r.text(1);
  t.kind = parse_title_kind(r.text(2)).value_or(title_kind::movie);
  t.name = r.text(3);
  t.synopsis = r.text(4);
  t.year = static_cast<int>(r.i64(5));
  t.runtime_minutes = static_cast<int>(r.i64(6));
  t.maturity = auth::parse_maturity(r.text(7)).value_or(auth::maturity::age18);
  t.tier = auth::parse_tier(r.text(8)).value_or(auth::tier::premium);
  t.cast = from_json_list(r.text(9));
  t.director = r.text(10);
  t.moods = from_json_list(r.text(11));
  t.themes = from_json_list(r.text(12));
  t.popularity = r.i64(13);
  t.featured = r.boolean(14);
  t.added_at = r.i64(15);
  t.updated_at = r.i64(16);
  return t;
}

void attach_genres(connection& c, std::vector<title>& titles) {
  if (titles.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, title*> by_id;
  for (auto& t : titles) {
    ids.push_back(t.id);
    by_id[t.id] = &t;
  }
  storage::statement st;
  const auto rs =
      st.run(c,
             "SELECT tg.title_id, g.slug FROM title_genres tg JOIN genres g ON g.id = tg.genre_id "
             "WHERE tg.title_id IN (" +
                 st.bind_list(ids) + ") ORDER BY tg.title_id, g.slug");
  for (const auto& r : rs) by_id[r.i64(0)]->genres.push_back(r.text(1));
}

std::vector<title> read_titles(connection& c, const storage::rows& rs) {
  std::vector<title> out;
  out.reserve(rs.size());
  for (const auto& r : rs) out.push_back(read_title(r));
  attach_genres(c, out);
  return out;
}

std::string search_body(connection& c, const title& t) {
  std::string body = t.synopsis + " " + t.director;
  for (const auto* list : {&t.cast, &t.moods, &t.themes})
    for (const auto& s : *list) body += " " + s;
  for (const auto& slug : t.genres) {
    const auto rs = c.query("SELECT name FROM genres WHERE slug = $1", {slug});
    if (!rs.empty()) body += " " + rs.front().text(0);
  }
  return text::fold(body);
}

std::vector<value> title_values(connection& c, const title& t) {
  return {t.slug,
          std::string(to_string(t.kind)),
          t.name,
          t.synopsis,
          std::int64_t{t.year},
          std::int64_t{t.runtime_minutes},
          std::string(auth::to_string(t.maturity)),
          std::int64_t{auth::rank(t.maturity)},
          std::string(auth::to_string(t.tier)),
          std::int64_t{auth::rank(t.tier)},
          to_json_list(t.cast),
          t.director,
          to_json_list(t.moods),
          to_json_list(t.themes),
          t.popularity,
          std::int64_t{t.featured},
          t.added_at,
          t.updated_at,
          text::fold(t.name),
          search_body(c, t)};
}

void write_genres(connection& c, std::int64_t title_id, const std::vector<std::string>& slugs) {
  c.query("DELETE FROM title_genres WHERE title_id = $1", {title_id});
  for (const auto& slug : slugs)
    c.query(
        "INSERT INTO title_genres (title_id, genre_id) SELECT $1, id FROM genres WHERE slug = $2",
        {title_id, slug});
}

}  // namespace

namespace {

// The WHERE clause of a listing and its parameters; later binds append to the same list.
struct listing : storage::statement {
  std::string where;
};

listing filtered(const visibility_filter& v, const title_query& q) {
  listing l;
  l.where = " WHERE " + auth::visible_sql(l, "t", v);
  if (q.genre)
    l.where +=
        " AND EXISTS (SELECT 1 FROM title_genres tg JOIN genres g ON g.id = tg.genre_id "
        "WHERE tg.title_id = t.id AND g.slug = " +
        l.bind(*q.genre) + ")";
  if (q.kind) l.where += " AND t.kind = " + l.bind(std::string(to_string(*q.kind)));
  if (q.year_from) l.where += " AND t.year >= " + l.bind(*q.year_from);
  if (q.year_to) l.where += " AND t.year <= " + l.bind(*q.year_to);
  if (q.max_maturity)
    l.where += " AND t.maturity_rank <= " + l.bind(std::int64_t{auth::rank(*q.max_maturity)});
  return l;
}

std::string order_by(const title_query& q) {
  const char* dir = q.descending ? " DESC" : " ASC";
  switch (q.sort) {
    case sort_key::title:
      return std::string("lower(t.title)") + dir;
    case sort_key::year:
      return std::string("t.year") + dir;
    case sort_key::added:
      return std::string("t.added_at") + dir;
    case sort_key::popularity:
      break;
  }
  return std::string("t.popularity") + dir;
}

}  // namespace

page<title> list(connection& c, storage::dialect, const visibility_filter& v,
                 const title_query& q) {
  auto l = filtered(v, q);
  page<title> out;
  out.limit = q.limit;
  out.offset = q.offset;
  out.total = l.run(c, "SELECT COUNT(*) FROM titles t" + l.where).front().i64(0);
  const std::string limit = l.bind(q.limit);
  const std::string offset = l.bind(q.offset);
  const auto rs =
      c.query(std::string("SELECT ") + title_columns + " FROM titles t" + l.where + " ORDER BY " +
                  order_by(q) + ", t.id LIMIT " + limit + " OFFSET " + offset,
              l.params());
  out.items = read_titles(c, rs);
  return out;
}

page<admin_title> admin_list(connection& c, const title_query& q, const std::string& model_id) {
  namespace sql = title_status_sql;
  auto l = filtered(everything, q);
  // The model is bound once, where the first expression needs it.
  std::string model;
  auto model_param = [&]() -> std::string {
    if (model_id.empty()) return {};
    if (model.empty()) model = l.bind(model_id);
    return model;
  };
  if (q.media) l.where += " AND (" + sql::media() + ") = " + l.bind(*q.media);
  if (q.embedding)
    l.where += " AND (" + sql::embedding(model_param()) + ") = " + l.bind(*q.embedding);

  const std::string from = " FROM titles t" + sql::joins();
  page<admin_title> out;
  out.limit = q.limit;
  out.offset = q.offset;
  // Counting needs the joins only when a status filters.
  out.total =
      c.query("SELECT COUNT(*)" + (q.media || q.embedding ? from : " FROM titles t") + l.where,
              l.params())
          .front()
          .i64(0);
  const std::string status_columns = ", " + sql::media() + ", " + sql::episodes() + ", " +
                                     sql::episodes_with_media() + ", " +
                                     sql::embedding(model_param());
  const std::string limit = l.bind(q.limit);
  const std::string offset = l.bind(q.offset);
  const auto rs =
      c.query(std::string("SELECT ") + title_columns + status_columns + from + l.where +
                  " ORDER BY " + order_by(q) + ", t.id LIMIT " + limit + " OFFSET " + offset,
              l.params());
  auto titles = read_titles(c, rs);
  constexpr std::size_t first = 17;  // after title_columns
  for (std::size_t i = 0; i < titles.size(); ++i) {
    const auto& r = rs.items[i];
    out.items.push_back({std::move(titles[i]),
                         {r.text(first), r.i64(first + 1), r.i64(first + 2), r.text(first + 3)}});
  }
  return out;
}

page<title> search(connection& c, storage::dialect d, const visibility_filter& v,
                   const std::vector<std::string>& words, const std::string& folded_query,
                   std::int64_t limit, std::int64_t offset) {
  page<title> out;
  out.limit = limit;
  out.offset = offset;
  if (words.empty()) return out;
  // Every word must match; the last may be a prefix, so results follow the user's typing.
  std::string match;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (d == storage::dialect::sqlite)
      match += (i ? " " : "") + ("\"" + words[i] + "\"*");
    else
      match += (i ? " & " : "") + words[i] + ":*";
  }
  storage::statement st;
  const std::string terms = st.bind(match);
  std::string from, rank;
  if (d == storage::dialect::sqlite) {
    from =
        " FROM title_search JOIN titles t ON t.id = title_search.rowid WHERE title_search "
        "MATCH " +
        terms;
    rank = "bm25(title_search, 10.0, 1.0)";
  } else {
    from = " FROM titles t WHERE t.search_vector @@ to_tsquery('simple', " + terms + ")";
    rank = "-ts_rank(t.search_vector, to_tsquery('simple', " + terms + "))";
  }
  from += " AND " + auth::visible_sql(st, "t", v);
  out.total = st.run(c, "SELECT COUNT(*)" + from).front().i64(0);
  // Exact title matches first, then titles starting with the query, then by relevance.
  const auto rs = st.run(c, std::string("SELECT ") + title_columns + from +
                                " ORDER BY CASE WHEN t.search_name = " + st.bind(folded_query) +
                                " THEN 0 WHEN t.search_name LIKE " + st.bind(folded_query + " %") +
                                " THEN 1 ELSE 2 END, " + rank + ", t.popularity DESC, t.id LIMIT " +
                                st.bind(limit) + " OFFSET " + st.bind(offset));
  out.items = read_titles(c, rs);
  return out;
}

std::optional<title> find(connection& c, const visibility_filter& v, std::int64_t id) {
  storage::statement st;
  const auto rs = st.run(c, std::string("SELECT ") + title_columns +
                                " FROM titles t WHERE t.id = " + st.bind(id) + " AND " +
                                auth::visible_sql(st, "t", v));
  if (rs.empty()) return std::nullopt;
  auto t = read_titles(c, rs).front();
  if (t.kind == title_kind::series) {
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : c.query(
             "SELECT id, number, name FROM seasons WHERE title_id = $1 ORDER BY number", {id})) {
      index[r.i64(0)] = t.seasons.size();
      t.seasons.push_back({r.i64(0), id, static_cast<int>(r.i64(1)), r.text(2), {}});
    }
    for (const auto& r : c.query("SELECT e.id, e.season_id, e.number, e.title, e.synopsis, "
                                 "e.runtime_minutes FROM episodes e "
                                 "JOIN seasons s ON s.id = e.season_id WHERE s.title_id = $1 ORDER "
                                 "BY s.number, e.number",
                                 {id}))
      t.seasons[index[r.i64(1)]].episodes.push_back({r.i64(0), r.i64(1), static_cast<int>(r.i64(2)),
                                                     r.text(3), r.text(4),
                                                     static_cast<int>(r.i64(5))});
  }
  return t;
}

void fill_playability(connection& c, title& t, bool demo_packaging) {
  // Links count only with their asset registered, as playback (asset_store::for_title) asks.
  std::set<std::int64_t> linked, busy;
  for (const auto& r : c.query("SELECT l.episode_id FROM media_links l JOIN media_assets a ON "
                               "a.id = l.asset_id WHERE l.title_id = $1",
                               {t.id}))
    linked.insert(r.i64(0));
  for (const auto& r : c.query("SELECT DISTINCT episode_id FROM media_jobs WHERE title_id = $1 "
                               "AND status IN ('queued', 'running')",
                               {t.id}))
    busy.insert(r.i64(0));
  // An upload for the whole title (episode 0) serves every episode without its own.
  auto word = [&](std::int64_t episode_id) -> std::string {
    if (linked.contains(episode_id) || linked.contains(0)) return "ready";
    if (busy.contains(episode_id) || busy.contains(0) || demo_packaging) return "preparing";
    return "none";
  };
  if (t.kind != title_kind::series) {
    t.media = word(0);
    return;
  }
  // A series plays when any episode does; else it is preparing when any episode is.
  t.media = "none";
  for (auto& s : t.seasons)
    for (auto& e : s.episodes) {
      e.media = word(e.id);
      if (e.media == "ready" || (e.media == "preparing" && t.media == "none")) t.media = e.media;
    }
}

std::vector<title> find_many(connection& c, const visibility_filter& v,
                             const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  storage::statement st;
  const auto rs =
      st.run(c, std::string("SELECT ") + title_columns + " FROM titles t WHERE " +
                    auth::visible_sql(st, "t", v) + " AND t.id IN (" + st.bind_list(ids) + ")");
  return read_titles(c, rs);
}

std::vector<title> featured(connection& c, const visibility_filter& v, std::int64_t limit) {
  storage::statement st;
  const auto rs =
      st.run(c, std::string("SELECT ") + title_columns +
                    " FROM titles t WHERE t.featured = 1 AND " + auth::visible_sql(st, "t", v) +
                    " ORDER BY t.popularity DESC, t.id LIMIT " + st.bind(limit));
  return read_titles(c, rs);
}

std::vector<genre> genres(connection& c, const visibility_filter& v) {
  std::vector<genre> out;
  storage::statement st;
  for (const auto& r :
       st.run(c,
              "SELECT g.id, g.slug, g.name, COUNT(t.id) FROM genres g "
              "LEFT JOIN title_genres tg ON tg.genre_id = g.id "
              "LEFT JOIN titles t ON t.id = tg.title_id AND " +
                  auth::visible_sql(st, "t", v) + " GROUP BY g.id, g.slug, g.name ORDER BY g.name"))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.i64(3)});
  return out;
}

std::vector<std::string> unknown_genres(connection& c, const std::vector<std::string>& slugs) {
  std::vector<std::string> out;
  for (const auto& s : slugs)
    if (c.query("SELECT 1 FROM genres WHERE slug = $1", {s}).empty()) out.push_back(s);
  return out;
}

std::int64_t insert_title(connection& c, const title& t) {
  const auto id =
      c.query(
           "INSERT INTO titles (slug, kind, title, synopsis, year, runtime_minutes, maturity, "
           "maturity_rank, tier, tier_rank, cast_members, director, moods, themes, popularity, "
           "featured, added_at, updated_at, search_name, search_body) VALUES ($1, $2, $3, $4, "
           "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING "
           "id",
           title_values(c, t))
          .front()
          .i64(0);
  write_genres(c, id, t.genres);
  return id;
}

void update_title(connection& c, const title& t) {
  auto values = title_values(c, t);
  values.emplace_back(t.id);
  c.query(
      "UPDATE titles SET slug = $1, kind = $2, title = $3, synopsis = $4, year = $5, "
      "runtime_minutes = $6, maturity = $7, maturity_rank = $8, tier = $9, tier_rank = $10, "
      "cast_members = $11, director = $12, moods = $13, themes = $14, popularity = $15, featured = "
      "$16, "
      "added_at = $17, updated_at = $18, search_name = $19, search_body = $20 WHERE id = $21",
      values);
  write_genres(c, t.id, t.genres);
}

bool delete_title(connection& c, std::int64_t id) {
  return c.query("DELETE FROM titles WHERE id = $1", {id}).affected == 1;
}

std::optional<season> find_season(connection& c, std::int64_t id) {
  const auto rs = c.query("SELECT id, title_id, number, name FROM seasons WHERE id = $1", {id});
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.front();
  return season{r.i64(0), r.i64(1), static_cast<int>(r.i64(2)), r.text(3), {}};
}

std::int64_t insert_season(connection& c, const season& s) {
  return c
      .query("INSERT INTO seasons (title_id, number, name) VALUES ($1, $2, $3) RETURNING id",
             {s.title_id, std::int64_t{s.number}, s.name})
      .front()
      .i64(0);
}

void update_season(connection& c, const season& s) {
  c.query("UPDATE seasons SET number = $1, name = $2 WHERE id = $3",
          {std::int64_t{s.number}, s.name, s.id});
}

bool delete_season(connection& c, std::int64_t id) {
  return c.query("DELETE FROM seasons WHERE id = $1", {id}).affected == 1;
}

std::optional<episode> find_episode(connection& c, std::int64_t id) {
  const auto rs = c.query(
      "SELECT id, season_id, number, title, synopsis, runtime_minutes FROM episodes WHERE id = $1",
      {id});
  if (rs.empty()) return std::nullopt;
  const auto& r = rs.front();
  return episode{r.i64(0),  r.i64(1),  static_cast<int>(r.i64(2)),
                 r.text(3), r.text(4), static_cast<int>(r.i64(5))};
}

std::int64_t insert_episode(connection& c, const episode& e) {
  return c
      .query(
          "INSERT INTO episodes (season_id, number, title, synopsis, runtime_minutes) "
          "VALUES ($1, $2, $3, $4, $5) RETURNING id",
          {e.season_id, std::int64_t{e.number}, e.title, e.synopsis,
           std::int64_t{e.runtime_minutes}})
      .front()
      .i64(0);
}

void update_episode(connection& c, const episode& e) {
  c.query(
      "UPDATE episodes SET number = $1, title = $2, synopsis = $3, runtime_minutes = $4 WHERE id = "
      "$5",
      {std::int64_t{e.number}, e.title, e.synopsis, std::int64_t{e.runtime_minutes}, e.id});
}

bool delete_episode(connection& c, std::int64_t id) {
  return c.query("DELETE FROM episodes WHERE id = $1", {id}).affected == 1;
}

std::int64_t insert_genre(connection& c, const std::string& slug, const std::string& name) {
  return c.query("INSERT INTO genres (slug, name) VALUES ($1, $2) RETURNING id", {slug, name})
      .front()
      .i64(0);
}

}  // namespace kinora::catalog::catalog_store
