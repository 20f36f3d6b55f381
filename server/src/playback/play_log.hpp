#pragma once
// Play starts, for the dashboard and the admin's questions ("plays per day on channel 12"): one row
// per admitted session, with the plan the viewer had at the time.
#include "core/viewer.hpp"
#include "playback/playback_session.hpp"
#include "storage/database.hpp"

namespace kinora::playback::play_log {

void record(storage::connection& c, const auth::viewer& v, const playback_session& s);

}  // namespace kinora::playback::play_log
