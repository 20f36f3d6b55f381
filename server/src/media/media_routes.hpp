#pragma once
// /media/...: signed delivery of packaged HLS (and the key, through the release
// function playback supplies), and the admin upload and job routes.
#include <functional>

#include "core/clock.hpp"
#include "http/router.hpp"
#include "media/media_library.hpp"
#include "media/url_signer.hpp"

namespace kinora::media {

// The content key for (session, asset), or why not.
using key_release =
    std::function<result<std::string>(const std::string& session_id, const std::string& asset_id)>;

void add_routes(http::router& router, media_library& library, const url_signer& signer,
                const clock& clk, key_release release_key);

}  // namespace kinora::media
