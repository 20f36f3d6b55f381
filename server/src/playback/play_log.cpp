#include "playback/play_log.hpp"

#include <string>

#include "auth/entitlement.hpp"

namespace kinora::playback::play_log {

namespace {
storage::value id_or_null(std::int64_t id) {
  return id ? storage::value{id} : storage::value{storage::null};
}
}  // namespace

void record(storage::connection& c, const auth::viewer& v, const playback_session& s) {
  c.query(
      "INSERT INTO play_starts (started_at, account_id, profile_id, tier, kids, title_id,"
      " episode_id, channel_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {s.started_at, v.account_id, v.profile_id, std::string(auth::to_string(v.tier)),
       std::int64_t{v.kids ? 1 : 0}, id_or_null(s.title_id), id_or_null(s.episode_id),
       id_or_null(s.channel_id)});
}

}  // namespace kinora::playback::play_log
