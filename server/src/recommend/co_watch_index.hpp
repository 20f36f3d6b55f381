#pragma once
// The co-watch neighbours every instance reads For You from. One instance at a time
// rebuilds them from bookmarks (it claims the job in recommend_jobs) and stores them in
// title_neighbours; every instance loads a build newer than the one it holds.
#include <chrono>
#include <memory>
#include <mutex>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/periodic_task.hpp"
#include "recommend/co_watch.hpp"
#include "storage/database.hpp"

namespace kinora::recommend {

struct co_watch_build {
  std::size_t plays = 0;   // distinct (profile, title) pairs read
  std::size_t titles = 0;  // titles with neighbours
  std::size_t pairs = 0;   // neighbour rows stored
  double seconds = 0;
};

class co_watch_index {
 public:
  // Stored builds are read `page_rows` rows at a time, so a large one is never held
  // twice over as database rows.
  co_watch_index(storage::database& db, const clock& clk, co_watch_options o = {},
                 std::int64_t page_rows = 20000)
      : db_(db),
        clock_(clk),
        options_(o),
        page_rows_(page_rows),
        lists_(std::make_shared<neighbour_lists>()) {}

  // The lists held now; empty before the first build is loaded.
  std::shared_ptr<const neighbour_lists> lists() const;

  // Rebuilds from bookmarks, stores and holds the result, whatever the last build's age.
  co_watch_build rebuild();
  // One step of the job: rebuilds when no instance claimed it within `max_age`, else
  // loads a stored build newer than the one held. Returns whether this instance built.
  bool refresh(std::chrono::seconds max_age, logger& log);
  // Runs refresh(max_age) now and then every minute (at most every max_age) on a
  // background thread until stop(), so a build by another instance arrives soon.
  void start(std::chrono::seconds max_age, logger& log);
  void stop();

 private:
  void load(std::int64_t build);

  storage::database& db_;
  const clock& clock_;
  co_watch_options options_;
  std::int64_t page_rows_;
  mutable std::mutex mutex_;
  std::shared_ptr<const neighbour_lists> lists_;
  std::int64_t build_ = 0;  // the stored build lists_ came from
  periodic_task worker_;    // declared last: stopped before the members it uses go
};

}  // namespace kinora::recommend
