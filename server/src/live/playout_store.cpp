#include "live/playout_store.hpp"

namespace kinora::live::playout_store {

namespace {

// The episode the programme names, else the title's own media, else its first episode's.
constexpr const char* programme_columns =
    "SELECT p.id, p.start_at, p.end_at, COALESCE("
    " (SELECT ml.asset_id FROM media_links ml JOIN episodes e ON e.id = ml.episode_id"
    "  JOIN seasons s ON s.id = e.season_id"
    "  WHERE ml.title_id = p.title_id AND s.number = p.season AND e.number = p.episode),"
    " (SELECT ml.asset_id FROM media_links ml WHERE ml.title_id = p.title_id AND ml.episode_id = "
    "0),"
    " (SELECT ml.asset_id FROM media_links ml JOIN episodes e ON e.id = ml.episode_id"
    "  JOIN seasons s ON s.id = e.season_id WHERE ml.title_id = p.title_id"
    "  ORDER BY s.number, e.number LIMIT 1)) "
    "FROM programmes p ";

scheduled read(const storage::row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.opt_text(3)};
}

}  // namespace

std::vector<scheduled> programmes(connection& c, std::int64_t channel_id, std::int64_t from,
                                  std::int64_t to) {
  std::vector<scheduled> out;
  for (const auto& r : c.query(std::string(programme_columns) +
                                   "WHERE p.channel_id = $1 AND p.end_at > $2 AND p.start_at < $3 "
                                   "ORDER BY p.start_at",
                               {channel_id, from, to}))
    out.push_back(read(r));
  return out;
}

std::optional<scheduled> programme(connection& c, std::int64_t channel_id,
                                   std::int64_t programme_id) {
  const auto rs = c.query(std::string(programme_columns) + "WHERE p.channel_id = $1 AND p.id = $2",
                          {channel_id, programme_id});
  if (rs.empty()) return std::nullopt;
  return read(rs.front());
}

std::optional<std::int64_t> run_base(connection& c, std::int64_t channel_id,
                                     std::int64_t first_slot) {
  const auto rs = c.query(
      "SELECT discontinuity_base FROM playout_runs WHERE channel_id = $1 AND first_slot = $2",
      {channel_id, first_slot});
  if (rs.empty()) return std::nullopt;
  return rs.front().i64(0);
}

std::optional<std::int64_t> latest_base(connection& c, std::int64_t channel_id) {
  const auto rs = c.query("SELECT MAX(discontinuity_base) FROM playout_runs WHERE channel_id = $1",
                          {channel_id});
  return rs.empty() ? std::nullopt : rs.front().opt_i64(0);
}

std::int64_t record_run(connection& c, std::int64_t channel_id, std::int64_t first_slot,
                        std::int64_t base) {
  c.query(
      "INSERT INTO playout_runs (channel_id, first_slot, discontinuity_base) VALUES ($1, $2, $3) "
      "ON CONFLICT (channel_id, first_slot) DO NOTHING",
      {channel_id, first_slot, base});
  return run_base(c, channel_id, first_slot).value_or(base);
}

void forget_runs_before(connection& c, std::int64_t channel_id, std::int64_t slot) {
  c.query("DELETE FROM playout_runs WHERE channel_id = $1 AND first_slot < $2", {channel_id, slot});
}

bool schedules_asset(connection& c, std::int64_t channel_id, const std::string& asset_id,
                     std::int64_t from, std::int64_t to) {
  return !c.query(
               "SELECT 1 FROM programmes p JOIN media_links ml ON ml.title_id = p.title_id "
               "WHERE p.channel_id = $1 AND ml.asset_id = $2 AND p.end_at > $3 AND p.start_at < $4 "
               "LIMIT 1",
               {channel_id, asset_id, from, to})
              .empty();
}

}  // namespace kinora::live::playout_store
