#include "media/asset_store.hpp"

#include "core/files.hpp"
#include "core/job_status.hpp"

namespace kinora::media {

namespace {

media_asset asset_from(const storage::row& r) {
  return {r.text(0), r.text(1), static_cast<int>(r.i64(2)), files::from_hex(r.text(3)), r.i64(4)};
}

constexpr const char* job_columns =
    "id, status, source, title_id, episode_id, asset_id, error, created_at, updated_at, "
    "progress";

media_job job_from(const storage::row& r) {
  media_job j{r.text(0),     parse_job_status(r.text(1)).value_or(job_status::queued),
              r.text(2),     r.i64(3),
              r.i64(4),      r.opt_text(5),
              r.opt_text(6), r.i64(7),
              r.i64(8)};
  j.progress = static_cast<int>(r.i64(9));
  return j;
}

}  // namespace

bool valid_asset_id(std::string_view id) {
  if (id.empty() || id.size() > 63 || id.front() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

namespace asset_store {

void save(connection& c, const media_asset& a) {
  c.query(
      "INSERT INTO media_assets (id, label, duration_seconds, key_hex, created_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET label = excluded.label, "
      "duration_seconds = excluded.duration_seconds, key_hex = excluded.key_hex",
      {a.id, a.label, std::int64_t{a.duration_seconds}, files::to_hex(a.key), a.created_at});
}

std::optional<media_asset> find(connection& c, const std::string& id) {
  const auto rs = c.query(
      "SELECT id, label, duration_seconds, key_hex, created_at FROM media_assets WHERE id = $1",
      {id});
  if (rs.empty()) return std::nullopt;
  return asset_from(rs.front());
}

void link(connection& c, std::int64_t title_id, std::int64_t episode_id,
          const std::string& asset_id) {
  c.query(
      "INSERT INTO media_links (title_id, episode_id, asset_id) VALUES ($1, $2, $3) "
      "ON CONFLICT (title_id, episode_id) DO UPDATE SET asset_id = excluded.asset_id",
      {title_id, episode_id, asset_id});
}

std::optional<media_asset> for_title(connection& c, std::int64_t title_id,
                                     std::int64_t episode_id) {
  const auto rs = c.query(
      "SELECT a.id, a.label, a.duration_seconds, a.key_hex, a.created_at "
      "FROM media_links l JOIN media_assets a ON a.id = l.asset_id "
      "WHERE l.title_id = $1 AND l.episode_id IN ($2, 0) ORDER BY l.episode_id DESC LIMIT 1",
      {title_id, episode_id});
  if (rs.empty()) return std::nullopt;
  return asset_from(rs.front());
}

int link_unlinked(connection& c, const std::vector<std::string>& pool) {
  if (pool.empty()) return 0;
  const auto todo = c.query(
      "SELECT t.id, 0 FROM titles t WHERE t.kind = 'movie' AND NOT EXISTS "
      "(SELECT 1 FROM media_links l WHERE l.title_id = t.id AND l.episode_id = 0) "
      "UNION ALL "
      "SELECT s.title_id, e.id FROM episodes e JOIN seasons s ON s.id = e.season_id "
      "WHERE NOT EXISTS (SELECT 1 FROM media_links l "
      "WHERE l.title_id = s.title_id AND l.episode_id = e.id)");
  for (const auto& r : todo) {
    const auto spread = static_cast<std::size_t>(r.i64(0) * 7 + r.i64(1));
    c.query(
        "INSERT INTO media_links (title_id, episode_id, asset_id) VALUES ($1, $2, $3) "
        "ON CONFLICT (title_id, episode_id) DO NOTHING",
        {r.i64(0), r.i64(1), pool[spread % pool.size()]});
  }
  return static_cast<int>(todo.size());
}

bool target_exists(connection& c, std::int64_t title_id, std::int64_t episode_id) {
  if (episode_id == 0) return !c.query("SELECT 1 FROM titles WHERE id = $1", {title_id}).empty();
  return !c.query(
               "SELECT 1 FROM episodes e JOIN seasons s ON s.id = e.season_id "
               "WHERE e.id = $1 AND s.title_id = $2",
               {episode_id, title_id})
              .empty();
}

void report_progress(connection& c, const std::string& id, int percent, std::int64_t now) {
  c.query("UPDATE media_jobs SET progress = $2, updated_at = $3 WHERE id = $1",
          {id, std::int64_t{percent}, now});
}

void create_job(connection& c, const media_job& j) {
  c.query(
      "INSERT INTO media_jobs (id, status, source, title_id, episode_id, created_at, updated_at) "
      "VALUES ($1, 'queued', $2, $3, $4, $5, $5)",
      {j.id, j.source, j.title_id, j.episode_id, j.created_at});
}

std::optional<media_job> job(connection& c, const std::string& id) {
  const auto rs =
      c.query(std::string("SELECT ") + job_columns + " FROM media_jobs WHERE id = $1", {id});
  if (rs.empty()) return std::nullopt;
  return job_from(rs.front());
}

std::optional<media_job> claim_next_job(connection& c, std::int64_t now) {
  const auto queued =
      c.query("SELECT id FROM media_jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 8");
  for (const auto& r : queued) {
    const auto won = c.query(
        "UPDATE media_jobs SET status = 'running', updated_at = $2 "
        "WHERE id = $1 AND status = 'queued'",
        {r.text(0), now});
    if (won.affected == 1) {
      const auto rs = c.query(
          std::string("SELECT ") + job_columns + " FROM media_jobs WHERE id = $1", {r.text(0)});
      return job_from(rs.front());
    }
  }
  return std::nullopt;
}

void finish_job(connection& c, const std::string& id, const std::optional<std::string>& asset_id,
                const std::optional<std::string>& error, std::int64_t now) {
  c.query(
      std::string("UPDATE media_jobs SET status = $2, asset_id = $3, error = $4, updated_at = $5") +
          (error ? "" : ", progress = 100") + " WHERE id = $1",
      {id, std::string(to_string(error ? job_status::failed : job_status::succeeded)),
       storage::nullable(asset_id), storage::nullable(error), now});
}

int fail_abandoned_jobs(connection& c, std::int64_t now) {
  const auto rs = c.query(
      "UPDATE media_jobs SET status = 'failed', error = $1, updated_at = $2 "
      "WHERE status = 'running' AND updated_at < $3",
      {std::string("The server stopped while this job was running; upload the file again."), now,
       now - 60});
  return static_cast<int>(rs.affected);
}

}  // namespace asset_store

}  // namespace kinora::media
