#include "epg/epg_store.hpp"

#include "auth/visibility_sql.hpp"
#include "storage/statement.hpp"

namespace kinora::epg::epg_store {

channel read_channel_core(const storage::row& r) {
  channel ch;
  ch.id = r.i64(0);
  ch.number = r.i64(1);
  ch.slug = r.text(2);
  ch.name = r.text(3);
  ch.category = r.text(4);
  ch.description = r.text(5);
  ch.tier = auth::parse_tier(r.text(6)).value_or(auth::tier::premium);
  ch.maturity = auth::parse_maturity(r.text(7)).value_or(auth::maturity::age18);
  return ch;
}

programme read_programme(const storage::row& r) {
  programme p;
  p.id = r.i64(0);
  p.channel_id = r.i64(1);
  p.start_at = r.i64(2);
  p.end_at = r.i64(3);
  p.title = r.text(4);
  p.subtitle = r.opt_text(5);
  p.description = r.text(6);
  p.category = r.text(7);
  p.season = r.opt_i64(8);
  p.episode = r.opt_i64(9);
  p.rating = r.text(10);
  p.title_id = r.opt_i64(11);
  return p;
}

namespace {

using storage::value;

// Every channel query names the channels table `c` and the profile's favorites `f`.
constexpr const char* channel_columns =
    "c.id, c.number, c.slug, c.name, c.category, c.description, c.tier, c.maturity, "
    "f.position";

constexpr const char* programme_columns =
    "p.id, p.channel_id, p.start_at, p.end_at, p.title, p.subtitle, p.description, p.category, "
    "p.season, p.episode, p.rating, p.title_id";

channel read_channel(const storage::row& r) {
  channel ch = read_channel_core(r);
  ch.favorite = !r.is_null(8);
  return ch;
}

std::vector<programme> read_programmes(const storage::rows& rs) {
  std::vector<programme> out;
  out.reserve(rs.size());
  for (const auto& r : rs) out.push_back(read_programme(r));
  return out;
}

using storage::statement;

// FROM and WHERE of a channel query; binds the profile, the visibility rule and filters.
std::string channel_source(statement& s, std::int64_t profile_id, const auth::visibility_filter& v,
                           const channel_query& q) {
  std::string sql =
      " FROM channels c LEFT JOIN channel_favorites f ON f.channel_id = c.id AND f.profile_id = " +
      s.bind(profile_id);
  sql += " WHERE " + auth::visible_sql(s, "c", v);
  if (q.category) sql += " AND c.category = " + s.bind(*q.category);
  if (q.favorites == favorites_mode::only) sql += " AND f.channel_id IS NOT NULL";
  return sql;
}

}  // namespace

std::vector<channel> list_channels(connection& c, std::int64_t profile_id,
                                   const auth::visibility_filter& v, const channel_query& q) {
  statement s;
  std::string sql = std::string("SELECT ") + channel_columns + channel_source(s, profile_id, v, q);
  sql += q.favorites == favorites_mode::all
             ? " ORDER BY c.number"
             : " ORDER BY CASE WHEN f.position IS NULL THEN 1 ELSE 0 END, f.position, f.added_at, "
               "c.number";
  sql += " LIMIT " + s.bind(q.limit) + " OFFSET " + s.bind(q.offset);
  std::vector<channel> out;
  for (const auto& r : s.run(c, sql)) out.push_back(read_channel(r));
  return out;
}

std::int64_t count_channels(connection& c, std::int64_t profile_id,
                            const auth::visibility_filter& v, const channel_query& q) {
  statement s;
  const std::string sql = "SELECT COUNT(*)" + channel_source(s, profile_id, v, q);
  return s.run(c, sql).front().i64(0);
}

std::optional<channel> find_channel(connection& c, std::int64_t profile_id,
                                    const auth::visibility_filter& v, std::int64_t id) {
  statement s;
  const auto rs =
      s.run(c, std::string("SELECT ") + channel_columns +
                   " FROM channels c LEFT JOIN channel_favorites f ON f.channel_id = c.id AND "
                   "f.profile_id = " +
                   s.bind(profile_id) + " WHERE c.id = " + s.bind(id) + " AND " +
                   auth::visible_sql(s, "c", v));
  if (rs.empty()) return std::nullopt;
  return read_channel(rs.front());
}

std::optional<channel> find_any_channel(connection& c, std::int64_t id) {
  const auto rs = c.query(
      "SELECT c.id, c.number, c.slug, c.name, c.category, c.description, c.tier, c.maturity, NULL "
      "FROM channels c WHERE c.id = $1",
      {id});
  if (rs.empty()) return std::nullopt;
  return read_channel(rs.front());
}

std::vector<programme> programmes_in(connection& c, const std::vector<std::int64_t>& channel_ids,
                                     time_window w) {
  if (channel_ids.empty()) return {};
  // Two index ranges on (channel_id, start_at): what starts inside the window, and per
  // channel the latest start before it (kept when it is still on at `from`).
  statement s;
  const std::string from = s.bind(w.from), to = s.bind(w.to), ids = s.bind_list(channel_ids);
  const std::string sql =
      std::string("SELECT ") + programme_columns + " FROM programmes p WHERE p.channel_id IN (" +
      ids + ") AND p.start_at >= " + from + " AND p.start_at < " + to + " UNION ALL SELECT " +
      programme_columns +
      " FROM programmes p WHERE p.id IN (SELECT (SELECT q.id FROM programmes q WHERE "
      "q.channel_id = c.id AND q.start_at < " +
      from + " ORDER BY q.start_at DESC LIMIT 1) FROM channels c WHERE c.id IN (" + ids +
      ")) AND p.end_at > " + from + " ORDER BY channel_id, start_at";
  return read_programmes(s.run(c, sql));
}

std::vector<programme> around(connection& c, const std::vector<std::int64_t>& channel_ids,
                              std::int64_t at) {
  if (channel_ids.empty()) return {};
  statement s;
  const std::string when = s.bind(at), ids = s.bind_list(channel_ids);
  const std::string sql =
      std::string("SELECT ") + programme_columns +
      " FROM programmes p WHERE p.id IN ("
      "SELECT (SELECT q.id FROM programmes q WHERE q.channel_id = c.id AND q.start_at <= " +
      when + " ORDER BY q.start_at DESC LIMIT 1) FROM channels c WHERE c.id IN (" + ids +
      ") UNION ALL "
      "SELECT (SELECT q.id FROM programmes q WHERE q.channel_id = c.id AND q.start_at > " +
      when + " ORDER BY q.start_at LIMIT 1) FROM channels c WHERE c.id IN (" + ids +
      ")) ORDER BY p.channel_id, p.start_at";
  return read_programmes(s.run(c, sql));
}

std::vector<favorite_row> favorites(connection& c, std::int64_t profile_id) {
  std::vector<favorite_row> out;
  for (const auto& r :
       c.query("SELECT channel_id, position, added_at FROM channel_favorites WHERE profile_id = $1 "
               "ORDER BY position, added_at, channel_id",
               {profile_id}))
    out.push_back({r.i64(0), r.i64(1), r.i64(2)});
  return out;
}

bool add_favorite(connection& c, std::int64_t profile_id, std::int64_t channel_id,
                  std::int64_t now) {
  const auto next =
      c.query("SELECT COALESCE(MAX(position), -1) + 1 FROM channel_favorites WHERE profile_id = $1",
              {profile_id})
          .front()
          .i64(0);
  return c.query(
              "INSERT INTO channel_favorites (profile_id, channel_id, position, added_at) "
              "VALUES ($1, $2, $3, $4) ON CONFLICT (profile_id, channel_id) DO NOTHING",
              {profile_id, channel_id, next, now})
             .affected > 0;
}

void set_position(connection& c, std::int64_t profile_id, std::int64_t channel_id,
                  std::int64_t position) {
  c.query("UPDATE channel_favorites SET position = $1 WHERE profile_id = $2 AND channel_id = $3",
          {position, profile_id, channel_id});
}

bool remove_favorite(connection& c, std::int64_t profile_id, std::int64_t channel_id) {
  return c.query("DELETE FROM channel_favorites WHERE profile_id = $1 AND channel_id = $2",
                 {profile_id, channel_id})
             .affected > 0;
}

std::vector<std::int64_t> channel_ids_by_slug(connection& c,
                                              const std::vector<std::string>& slugs) {
  if (slugs.empty()) return {};
  statement s;
  std::string list;
  for (const auto& slug : slugs) list += (list.empty() ? "" : ", ") + s.bind(slug);
  std::vector<std::int64_t> out;
  for (const auto& r : s.run(c, "SELECT id FROM channels WHERE slug IN (" + list + ") ORDER BY id"))
    out.push_back(r.i64(0));
  return out;
}

namespace {

// `last` is the icon of an insert, the id of an update.
std::vector<value> channel_values(const channel& ch, const std::optional<std::string>& xmltv_id,
                                  value last) {
  return {ch.number,
          ch.slug,
          ch.name,
          ch.category,
          ch.description,
          std::string(auth::to_string(ch.tier)),
          std::int64_t{auth::rank(ch.tier)},
          std::string(auth::to_string(ch.maturity)),
          std::int64_t{auth::rank(ch.maturity)},
          storage::nullable(xmltv_id),
          std::move(last)};
}

// channel_id and start_at last, where update_programme_at matches on them.
std::vector<value> programme_values(const programme& p, std::initializer_list<value> tail = {}) {
  const auto rating = auth::parse_maturity(p.rating).value_or(auth::maturity::all);
  std::vector<value> out{p.end_at,
                         p.title,
                         storage::nullable(p.subtitle),
                         p.description,
                         p.category,
                         storage::nullable(p.season),
                         storage::nullable(p.episode),
                         std::string(auth::to_string(rating)),
                         std::int64_t{auth::rank(rating)},
                         p.channel_id,
                         p.start_at};
  out.insert(out.end(), tail);
  return out;
}

}  // namespace

std::int64_t insert_channel(connection& c, const channel& ch,
                            const std::optional<std::string>& xmltv_id,
                            const std::optional<std::string>& icon_url) {
  return c
      .query(
          "INSERT INTO channels (number, slug, name, category, description, tier, tier_rank, "
          "maturity, maturity_rank, xmltv_id, icon_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
          "$9, $10, $11) RETURNING id",
          channel_values(ch, xmltv_id, storage::nullable(icon_url)))
      .front()
      .i64(0);
}

void update_channel(connection& c, const channel& ch, const std::optional<std::string>& xmltv_id) {
  c.query(
      "UPDATE channels SET number = $1, slug = $2, name = $3, category = $4, description = $5, "
      "tier = $6, tier_rank = $7, maturity = $8, maturity_rank = $9, xmltv_id = $10 WHERE id = "
      "$11",
      channel_values(ch, xmltv_id, ch.id));
}

void set_channel_icon(connection& c, std::int64_t channel_id, const std::string& icon_url) {
  c.query("UPDATE channels SET icon_url = $1 WHERE id = $2", {icon_url, channel_id});
}

void set_channel_guide(connection& c, std::int64_t channel_id,
                       const std::optional<std::string>& xmltv_id,
                       const std::optional<std::string>& icon_url, const std::string& category) {
  c.query("UPDATE channels SET xmltv_id = $1, icon_url = $2, category = $3 WHERE id = $4",
          {storage::nullable(xmltv_id), storage::nullable(icon_url), category, channel_id});
}

bool delete_channel(connection& c, std::int64_t channel_id) {
  return c.query("DELETE FROM channels WHERE id = $1", {channel_id}).affected > 0;
}

std::int64_t insert_programme(connection& c, const programme& p) {
  return c
      .query(
          "INSERT INTO programmes (end_at, title, subtitle, description, category, season, "
          "episode, rating, rating_rank, channel_id, start_at, title_id) VALUES ($1, $2, $3, $4, "
          "$5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          programme_values(p, {storage::nullable(p.title_id)}))
      .front()
      .i64(0);
}

void update_programme(connection& c, const programme& p) {
  c.query(
      "UPDATE programmes SET end_at = $1, title = $2, subtitle = $3, description = $4, "
      "category = $5, season = $6, episode = $7, rating = $8, rating_rank = $9, channel_id = $10, "
      "start_at = $11, title_id = $12 WHERE id = $13",
      programme_values(p, {storage::nullable(p.title_id), p.id}));
}

bool update_programme_at(connection& c, const programme& p) {
  return c.query(
              "UPDATE programmes SET end_at = $1, title = $2, subtitle = $3, description = $4, "
              "category = $5, season = $6, episode = $7, rating = $8, rating_rank = $9 "
              "WHERE channel_id = $10 AND start_at = $11",
              programme_values(p))
             .affected > 0;
}

bool delete_programme(connection& c, std::int64_t id) {
  return c.query("DELETE FROM programmes WHERE id = $1", {id}).affected > 0;
}

std::int64_t delete_programmes_starting_in(connection& c, std::int64_t channel_id, time_window w) {
  return c
      .query("DELETE FROM programmes WHERE channel_id = $1 AND start_at >= $2 AND start_at < $3",
             {channel_id, w.from, w.to})
      .affected;
}

std::int64_t delete_programmes_overlapping(connection& c, std::int64_t channel_id, time_window w) {
  return c
      .query(
          "DELETE FROM programmes WHERE channel_id = $1 AND start_at < $2 AND end_at > $3 AND "
          "start_at <> $4",
          {channel_id, w.to, w.from, w.from})
      .affected;
}

void lock_channel(connection& c, std::int64_t channel_id) {
  c.query("UPDATE channels SET number = number WHERE id = $1", {channel_id});
}

std::optional<std::int64_t> schedule_end(connection& c, std::int64_t channel_id) {
  // Programmes of a channel do not overlap: the latest to start is the last to end.
  const auto rs =
      c.query("SELECT end_at FROM programmes WHERE channel_id = $1 ORDER BY start_at DESC LIMIT 1",
              {channel_id});
  if (rs.empty()) return std::nullopt;
  return rs.front().i64(0);
}

bool programme_starts_at(connection& c, std::int64_t channel_id, std::int64_t at) {
  return !c.query("SELECT 1 FROM programmes WHERE channel_id = $1 AND start_at = $2",
                  {channel_id, at})
              .empty();
}

std::int64_t copy_programmes(connection& c, std::int64_t channel_id, std::int64_t from,
                             std::int64_t to, std::int64_t shift) {
  return c
      .query(
          "INSERT INTO programmes (channel_id, start_at, end_at, title, subtitle, description, "
          "category, season, episode, rating, rating_rank, title_id) "
          "SELECT channel_id, start_at + $1, end_at + $2, title, subtitle, description, category, "
          "season, episode, rating, rating_rank, title_id FROM programmes "
          "WHERE channel_id = $3 AND start_at >= $4 AND start_at < $5 ORDER BY start_at",
          {shift, shift, channel_id, from, to})
      .affected;
}

}  // namespace kinora::epg::epg_store
