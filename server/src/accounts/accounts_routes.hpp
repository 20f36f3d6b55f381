#pragma once
#include "core/clock.hpp"
#include "http/router.hpp"
#include "playback/playback_service.hpp"
#include "storage/database.hpp"

namespace kinora::accounts {

// The accounts admin (admin only): GET /api/v1/admin/accounts (search, tier filter, paged),
// GET and PATCH /api/v1/admin/accounts/{id} (tier; disabled), POST .../{id}/sign-out and
// DELETE .../{id}/streams/{session_id}. Disabling an account revokes its refresh tokens and
// ends its streams; sign-in then answers 403 account-disabled. Its access tokens stay valid
// until they expire (at most the access-token lifetime), like a tier change, which a client
// sees on its next refresh.
void add_routes(http::router& router, storage::database& db, playback::playback_service& playback,
                const clock& clk);

}  // namespace kinora::accounts
