#pragma once
// Assets, which title or episode plays which asset, and packaging jobs, in the database.
// Free functions on a connection, so a caller can put several in one transaction.
#include <vector>

#include "media/media_asset.hpp"
#include "storage/database.hpp"

namespace kinora::media::asset_store {

using storage::connection;

void save(connection& c, const media_asset& a);
std::optional<media_asset> find(connection& c, const std::string& id);
void link(connection& c, std::int64_t title_id, std::int64_t episode_id,
          const std::string& asset_id);
// The episode's own asset, else the series' (or movie's) asset.
std::optional<media_asset> for_title(connection& c, std::int64_t title_id, std::int64_t episode_id);
// Gives every movie and episode without media one of the pool's assets, spread by id.
// Returns how many links were made. Run it in a transaction: it reads, then writes.
int link_unlinked(connection& c, const std::vector<std::string>& pool);

// Whether the movie/series (episode 0) or that episode of it exists.
bool target_exists(connection& c, std::int64_t title_id, std::int64_t episode_id);

void create_job(connection& c, const media_job& j);
void report_progress(connection& c, const std::string& id, int percent, std::int64_t now);
std::optional<media_job> job(connection& c, const std::string& id);
// Marks the oldest queued job running and returns it; concurrent callers never get
// the same job (each claim is one conditional UPDATE, atomic on both backends, inside a
// transaction or not).
std::optional<media_job> claim_next_job(connection& c, std::int64_t now);
void finish_job(connection& c, const std::string& id, const std::optional<std::string>& asset_id,
                const std::optional<std::string>& error, std::int64_t now);
// Jobs whose worker stopped reporting (its process died) fail instead of hanging.
int fail_abandoned_jobs(connection& c, std::int64_t now);

}  // namespace kinora::media::asset_store
