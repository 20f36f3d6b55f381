#include "catalog/title_status.hpp"

namespace kinora::catalog::title_status_sql {

namespace {

constexpr const char* has_own =
    "EXISTS (SELECT 1 FROM media_links ml WHERE ml.title_id = t.id AND ml.episode_id = 0)";
constexpr const char* episode_count =
    "(SELECT COUNT(*) FROM episodes e JOIN seasons s ON s.id = e.season_id "
    "WHERE s.title_id = t.id)";
constexpr const char* linked_episodes =
    "(SELECT COUNT(*) FROM episodes e JOIN seasons s ON s.id = e.season_id "
    "JOIN media_links ml ON ml.title_id = t.id AND ml.episode_id = e.id WHERE s.title_id = t.id)";
constexpr const char* processing =
    "EXISTS (SELECT 1 FROM media_jobs mj WHERE mj.title_id = t.id AND mj.status IN ('queued', "
    "'running'))";
constexpr const char* last_job_failed =
    "(SELECT mj.status FROM media_jobs mj WHERE mj.title_id = t.id ORDER BY mj.created_at DESC, "
    "mj.id DESC LIMIT 1) = 'failed'";

}  // namespace

std::string media() {
  // Playable beats an upload in flight: the title plays while a replacement packages.
  // A series plays an episode's own asset, else the series-wide one (asset_store).
  const std::string own = has_own, count = episode_count, linked = linked_episodes;
  return "CASE WHEN t.kind = 'movie' AND " + own +
         " THEN 'ready' "
         "WHEN t.kind = 'series' AND " +
         count + " > 0 AND (" + own + " OR " + linked + " >= " + count +
         ") THEN 'ready' "
         "WHEN " +
         processing +
         " THEN 'processing' "
         "WHEN t.kind = 'series' AND (" +
         own + " OR " + linked +
         " > 0) THEN 'partial' "
         "WHEN " +
         last_job_failed + " THEN 'failed' ELSE 'none' END";
}

std::string episodes() {
  return std::string("CASE WHEN t.kind = 'series' THEN ") + episode_count + " ELSE 0 END";
}

std::string episodes_with_media() {
  return std::string("CASE WHEN t.kind <> 'series' THEN 0 WHEN ") + has_own + " THEN " +
         episode_count + " ELSE " + linked_episodes + " END";
}

std::string embedding(const std::string& model_param) {
  // The stored text hash is SHA-256 made in C++, so SQL cannot compare it with the
  // title's text; an edit after the vector was made stands in for "the text changed"
  // (every field the text comes from lives on the title row and bumps updated_at).
  std::string outdated = "te.updated_at < t.updated_at";
  if (!model_param.empty()) outdated += " OR te.model_id <> " + model_param;
  return "CASE WHEN NOT EXISTS (SELECT 1 FROM title_embeddings te WHERE te.title_id = t.id) "
         "THEN 'missing' "
         "WHEN EXISTS (SELECT 1 FROM title_embeddings te WHERE te.title_id = t.id AND (" +
         outdated + ")) THEN 'stale' ELSE 'current' END";
}

}  // namespace kinora::catalog::title_status_sql
