#include "catalog/title_status.hpp"

namespace kinora::catalog::title_status_sql {

namespace {

// Joined per listing rather than asked per row: correlated subqueries made PostgreSQL's
// cost estimate for 10k titles so high that it JIT-compiled the query (0.5 s of 0.6 s).
// Each derived table has at most one row per title, so the joins never repeat a title.
constexpr const char* own = "st_own.title_id IS NOT NULL";
constexpr const char* episode_count = "COALESCE(st_episodes.n, 0)";
constexpr const char* linked_episodes = "COALESCE(st_linked.n, 0)";
constexpr const char* processing = "st_busy.title_id IS NOT NULL";
constexpr const char* failed = "st_failed.title_id IS NOT NULL";

}  // namespace

std::string joins() {
  return " LEFT JOIN media_links st_own ON st_own.title_id = t.id AND st_own.episode_id = 0"
         " LEFT JOIN (SELECT s.title_id, COUNT(*) AS n FROM episodes e JOIN seasons s ON s.id = "
         "e.season_id GROUP BY s.title_id) st_episodes ON st_episodes.title_id = t.id"
         // Links of episodes that still belong to the title (a deleted episode's link stays).
         " LEFT JOIN (SELECT ml.title_id, COUNT(*) AS n FROM media_links ml JOIN episodes e ON "
         "e.id "
         "= ml.episode_id JOIN seasons s ON s.id = e.season_id AND s.title_id = ml.title_id "
         "GROUP BY ml.title_id) st_linked ON st_linked.title_id = t.id"
         // Both job tables go through the (status, created_at) index: only queued, running
         // or failed jobs are read, never every upload ever made.
         " LEFT JOIN (SELECT DISTINCT title_id FROM media_jobs WHERE status IN ('queued', "
         "'running')) st_busy ON st_busy.title_id = t.id"
         " LEFT JOIN (SELECT DISTINCT title_id FROM media_jobs WHERE status = 'failed') st_failed "
         "ON st_failed.title_id = t.id"
         " LEFT JOIN title_embeddings st_embedding ON st_embedding.title_id = t.id";
}

std::string media() {
  // Playable beats an upload in flight: the title plays while a replacement packages.
  // A series plays an episode's own asset, else the series-wide one (asset_store).
  // "failed" is reached only without media and without an upload in flight, so a failed
  // upload there is the latest word on it.
  const std::string count = episode_count, linked = linked_episodes;
  return std::string("CASE WHEN t.kind = 'movie' AND ") + own +
         " THEN 'ready' WHEN t.kind = 'series' AND " + count + " > 0 AND (" + own + " OR " +
         linked + " >= " + count + ") THEN 'ready' WHEN " + processing +
         " THEN 'processing' WHEN t.kind = 'series' AND (" + own + " OR " + linked +
         " > 0) THEN 'partial' WHEN " + failed + " THEN 'failed' ELSE 'none' END";
}

std::string episodes() {
  return std::string("CASE WHEN t.kind = 'series' THEN ") + episode_count + " ELSE 0 END";
}

std::string episodes_with_media() {
  return std::string("CASE WHEN t.kind <> 'series' THEN 0 WHEN ") + own + " THEN " + episode_count +
         " ELSE " + linked_episodes + " END";
}

std::string embedding(const std::string& model_param) {
  // The stored text hash is SHA-256 made in C++, so SQL cannot compare it with the
  // title's text; an edit after the vector was made stands in for "the text changed"
  // (every field the text comes from lives on the title row and bumps updated_at).
  std::string outdated = "st_embedding.updated_at < t.updated_at";
  if (!model_param.empty()) outdated += " OR st_embedding.model_id <> " + model_param;
  return "CASE WHEN st_embedding.title_id IS NULL THEN 'missing' WHEN " + outdated +
         " THEN 'stale' ELSE 'current' END";
}

}  // namespace kinora::catalog::title_status_sql
