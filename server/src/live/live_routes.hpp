#pragma once
// /live/{sig}/{expires}/{session}/{stream}/...: a channel's playlists for a playback
// session, signed like /media links. Segments and keys are the packages' own /media
// links, so nginx or a CDN can serve them; only the playlists come from here.
#include <functional>

#include "core/clock.hpp"
#include "http/router.hpp"
#include "live/live_service.hpp"
#include "media/url_signer.hpp"

namespace kinora::live {

// What the live session `session_id` watches, if it is live and signed for `stream`.
using stream_access =
    std::function<result<channel_stream>(const std::string& session_id, const std::string& stream)>;

void add_routes(http::router& router, live_service& live, const media::url_signer& signer,
                const clock& clk, std::string media_base_url, stream_access access);

}  // namespace kinora::live
