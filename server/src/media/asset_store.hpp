#pragma once
// Assets, which title or episode plays which asset, and packaging jobs, in the database.
#include <vector>

#include "media/media_asset.hpp"
#include "storage/database.hpp"

namespace kinora::media {

class asset_store {
 public:
  explicit asset_store(storage::database& db) : db_(db) {}

  void save(const media_asset& a);
  std::optional<media_asset> find(const std::string& id);
  void link(std::int64_t title_id, std::int64_t episode_id, const std::string& asset_id);
  // The episode's own asset, else the series' (or movie's) asset.
  std::optional<media_asset> for_title(std::int64_t title_id, std::int64_t episode_id);
  // Gives every movie and episode without media one of the pool's assets, spread by id.
  // Returns how many links were made.
  int link_unlinked(const std::vector<std::string>& pool);

  // Whether the movie/series (episode 0) or that episode of it exists.
  bool target_exists(std::int64_t title_id, std::int64_t episode_id);

  void create_job(const media_job& j);
  void report_progress(const std::string& id, int percent, std::int64_t now);
  std::optional<media_job> job(const std::string& id);
  // Marks the oldest queued job running and returns it; concurrent callers never get
  // the same job.
  std::optional<media_job> claim_next_job(std::int64_t now);
  void finish_job(const std::string& id, const std::optional<std::string>& asset_id,
                  const std::optional<std::string>& error, std::int64_t now);
  // Jobs whose worker stopped reporting (its process died) fail instead of hanging.
  int fail_abandoned_jobs(std::int64_t now);

 private:
  storage::database& db_;
};

}  // namespace kinora::media
