#include "recommend/co_watch_index.hpp"

#include <algorithm>

namespace kinora::recommend {

namespace {

constexpr const char* job = "co-watch";
// Rows per INSERT: few round trips, well under SQLite's limit of bound parameters.
constexpr std::size_t rows_per_insert = 300;

std::string insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO title_neighbours (title_id, neighbour_id, score) VALUES ";
  for (std::size_t i = 0; i < rows; ++i) {
    const auto p = 3 * i;
    sql += (i ? ",($" : "($") + std::to_string(p + 1) + ",$" + std::to_string(p + 2) + ",$" +
           std::to_string(p + 3) + ")";
  }
  return sql;
}

std::int64_t stored_build(storage::connection& c) {
  return c.query("SELECT build FROM recommend_jobs WHERE name = $1", {job}).front().i64(0);
}

}  // namespace

std::shared_ptr<const neighbour_lists> co_watch_index::lists() const {
  std::lock_guard lock(mutex_);
  return lists_;
}

co_watch_build co_watch_index::rebuild() {
  const auto started = std::chrono::steady_clock::now();
  std::vector<play> plays;
  for (const auto& r :
       db_.acquire()->query("SELECT profile_id, title_id, MAX(updated_at) FROM bookmarks "
                            "GROUP BY profile_id, title_id"))
    plays.push_back({r.i64(0), r.i64(1), r.i64(2)});
  co_watch_build report;
  report.plays = plays.size();
  auto lists =
      std::make_shared<const neighbour_lists>(co_watch_neighbours(std::move(plays), options_));
  report.titles = lists->size();

  const auto build = db_.transact([&](storage::connection& c) {
    c.query("DELETE FROM title_neighbours");
    const auto full_batch = insert_sql(rows_per_insert);
    std::vector<storage::value> params;
    auto flush = [&] {
      const auto rows = params.size() / 3;
      if (rows) c.query(rows == rows_per_insert ? full_batch : insert_sql(rows), params);
      params.clear();
    };
    for (const auto& [title, neighbours] : *lists)
      for (const auto& n : neighbours) {
        params.insert(params.end(), {title, n.title_id, n.score});
        ++report.pairs;
        if (params.size() == 3 * rows_per_insert) flush();
      }
    flush();
    c.query("UPDATE recommend_jobs SET finished_at = $1, build = build + 1 WHERE name = $2",
            {clock_.now_unix(), job});
    return stored_build(c);
  });
  {
    std::lock_guard lock(mutex_);
    lists_ = std::move(lists);
    build_ = build;
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void co_watch_index::load(std::int64_t build) {
  auto lists = std::make_shared<neighbour_lists>();
  auto c = db_.acquire();
  std::int64_t after_title = -1, after_neighbour = -1;
  for (;;) {
    const auto rs = c->query(
        "SELECT title_id, neighbour_id, score FROM title_neighbours "
        "WHERE title_id > $1 OR (title_id = $1 AND neighbour_id > $2) "
        "ORDER BY title_id, neighbour_id LIMIT $3",
        {after_title, after_neighbour, page_rows_});
    for (const auto& r : rs) (*lists)[r.i64(0)].push_back({r.i64(1), r.f64(2)});
    if (rs.size() < static_cast<std::size_t>(page_rows_)) break;
    after_title = rs.items.back().i64(0);
    after_neighbour = rs.items.back().i64(1);
  }
  for (auto& [title, neighbours] : *lists)
    std::sort(neighbours.begin(), neighbours.end(), [](const auto& x, const auto& y) {
      return x.score != y.score ? x.score > y.score : x.title_id < y.title_id;
    });
  // Held under the number read before the pages: a build stored while they were read
  // differs from it, so the next refresh loads that build whole.
  std::lock_guard lock(mutex_);
  lists_ = std::move(lists);
  build_ = build;
}

bool co_watch_index::refresh(std::chrono::seconds max_age, logger& log) {
  const auto now = clock_.now_unix();
  const bool claimed =
      db_.acquire()
          ->query("UPDATE recommend_jobs SET claimed_at = $1 WHERE name = $2 AND claimed_at <= $3",
                  {now, job, now - max_age.count()})
          .affected == 1;
  if (claimed) {
    try {
      const auto b = rebuild();
      log.info("co-watch neighbours built", {{"plays", static_cast<std::int64_t>(b.plays)},
                                             {"titles", static_cast<std::int64_t>(b.titles)},
                                             {"pairs", static_cast<std::int64_t>(b.pairs)},
                                             {"seconds", b.seconds}});
      return true;
    } catch (...) {
      // Let the next instance (or this one's next step) try again at once.
      db_.acquire()->query("UPDATE recommend_jobs SET claimed_at = 0 WHERE name = $1", {job});
      throw;
    }
  }
  const auto stored = stored_build(*db_.acquire());
  std::int64_t held;
  {
    std::lock_guard lock(mutex_);
    held = build_;
  }
  if (stored != held) load(stored);
  return false;
}

void co_watch_index::start(std::chrono::seconds max_age, logger& log) {
  const auto every = std::min<std::chrono::seconds>(max_age, std::chrono::minutes(1));
  worker_.start(every, periodic_task::first_run::now, [this, max_age, &log] {
    try {
      refresh(max_age, log);
    } catch (const std::exception& e) {
      log.error("co-watch neighbours failed", {{"error", e.what()}});
    }
  });
}

void co_watch_index::stop() {
  worker_.stop();
}

}  // namespace kinora::recommend
