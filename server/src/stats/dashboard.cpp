#include "stats/dashboard.hpp"

#include <algorithm>

namespace kinora::stats {

namespace {

constexpr std::int64_t day = 86400;

counts grouped(storage::connection& c, std::string_view sql) {
  counts out;
  for (const auto& r : c.query(sql)) out.emplace_back(r.text(0), r.i64(1));
  return out;
}

std::int64_t scalar(storage::connection& c, std::string_view sql,
                    std::initializer_list<storage::value> params = {}) {
  const auto rows = c.query(sql, params);
  return rows.empty() || rows.front().is_null(0) ? 0 : rows.front().i64(0);
}

std::vector<channel_coverage> channel_coverage_from(storage::connection& c, std::int64_t now) {
  // A gap is a programme starting after the previous one ended, or a first programme
  // starting after now; the window is what the guide shows ahead (7 days).
  const auto rows = c.query(
      "WITH ahead AS ("
      "  SELECT channel_id, start_at, end_at,"
      "         LAG(end_at) OVER (PARTITION BY channel_id ORDER BY start_at) AS previous_end"
      "  FROM programmes WHERE end_at > $1 AND start_at < $2"
      ") "
      "SELECT ch.id, ch.number, ch.name,"
      "       (SELECT MAX(p.end_at) FROM programmes p WHERE p.channel_id = ch.id),"
      "       (SELECT COUNT(*) FROM ahead a WHERE a.channel_id = ch.id AND"
      "          ((a.previous_end IS NULL AND a.start_at > $1) OR a.start_at > a.previous_end)) "
      "FROM channels ch ORDER BY ch.number",
      {now, now + 7 * day});
  std::vector<channel_coverage> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), static_cast<int>(r.i64(1)), r.text(2), r.opt_i64(3), r.i64(4)});
  return out;
}

// A play is a playback session admitted (play_starts), as Ask the data counts them: a
// title, an episode or a channel tuned in.
std::vector<day_count> plays_per_day_from(storage::connection& c, std::int64_t now) {
  const std::int64_t today = now / day * day;
  const std::int64_t from = today - 6 * day;
  std::vector<day_count> out;
  out.reserve(7);
  for (int i = 0; i < 7; ++i) out.push_back({from + i * day, 0});
  for (const auto& r : c.query("SELECT started_at / 86400, COUNT(*) FROM play_starts "
                               "WHERE started_at >= $1 GROUP BY started_at / 86400",
                               {from})) {
    const auto index = r.i64(0) * day - from;
    if (index >= 0 && index / day < 7) out[static_cast<std::size_t>(index / day)].plays = r.i64(1);
  }
  return out;
}

void add_to(counts& out, const std::string& key, std::int64_t n) {
  for (auto& [k, v] : out)
    if (k == key) {
      v += n;
      return;
    }
  out.emplace_back(key, n);
}

// Every figure about the catalogue from one pass over titles: each pass costs milliseconds
// at MovieLens size (five passes took 15-17 ms on PostgreSQL). The groups are sorted here
// into each breakdown's order.
void title_figures(storage::connection& c, dashboard& d) {
  struct row {
    std::string kind, tier, maturity;
    std::int64_t tier_rank, maturity_rank, n;
  };
  std::vector<row> rows;
  for (const auto& r :
       c.query("SELECT t.kind, t.tier, t.tier_rank, t.maturity, t.maturity_rank, COUNT(*),"
               "       SUM(CASE WHEN m.title_id IS NULL THEN 1 ELSE 0 END),"
               "       SUM(CASE WHEN e.title_id IS NULL THEN 1 ELSE 0 END) "
               "FROM titles t"
               " LEFT JOIN (SELECT DISTINCT title_id FROM media_links) m ON m.title_id = t.id"
               " LEFT JOIN title_embeddings e ON e.title_id = t.id "
               "GROUP BY t.kind, t.tier, t.tier_rank, t.maturity, t.maturity_rank")) {
    rows.push_back({r.text(0), r.text(1), r.text(3), r.i64(2), r.i64(4), r.i64(5)});
    d.titles_without_media += r.i64(6);
    d.titles_without_embedding += r.i64(7);
  }
  const auto by = [&](auto key) {
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const row& a, const row& b) { return key(a) < key(b); });
  };
  by([](const row& r) { return r.kind; });
  for (const auto& r : rows) {
    add_to(d.titles_by_type, r.kind, r.n);
    d.titles += r.n;
  }
  by([](const row& r) { return r.tier_rank; });
  for (const auto& r : rows) add_to(d.titles_by_tier, r.tier, r.n);
  by([](const row& r) { return r.maturity_rank; });
  for (const auto& r : rows) add_to(d.titles_by_rating, r.maturity, r.n);
}

}  // namespace

dashboard collect_dashboard(storage::connection& c, std::int64_t now) {
  dashboard d;
  d.generated_at = now;
  title_figures(c, d);
  d.accounts = scalar(c, "SELECT COUNT(*) FROM accounts");
  d.accounts_by_tier = grouped(c,
                               "SELECT tier, COUNT(*) FROM accounts GROUP BY tier ORDER BY "
                               "CASE tier WHEN 'basic' THEN 1 WHEN 'standard' THEN 2 ELSE 3 END");
  d.watching_now = scalar(c, "SELECT COUNT(*) FROM bookmarks WHERE updated_at > $1",
                          {now - watching_window_seconds});
  d.channels = channel_coverage_from(c, now);
  d.plays_per_day = plays_per_day_from(c, now);
  for (const auto& r : c.query("SELECT t.id, t.title, COUNT(*) AS plays FROM play_starts s "
                               "JOIN titles t ON t.id = s.title_id WHERE s.started_at >= $1 "
                               "GROUP BY t.id, t.title ORDER BY plays DESC, t.id LIMIT 10",
                               {now - 7 * day}))
    d.most_played.push_back({r.i64(0), r.text(1), r.i64(2)});
  for (const auto& r :
       c.query("SELECT j.id, j.status, j.progress, j.title_id, COALESCE(t.title, ''), j.error,"
               "       j.updated_at "
               "FROM media_jobs j LEFT JOIN titles t ON t.id = j.title_id "
               "ORDER BY j.updated_at DESC, j.id LIMIT 10"))
    d.recent_media_jobs.push_back({r.text(0), r.text(1), static_cast<int>(r.i64(2)), r.i64(3),
                                   r.text(4), r.opt_text(5), r.i64(6)});
  return d;
}

}  // namespace kinora::stats
