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

// Checks the {sig}/{expires}/{session}/{asset} parameters of a signed link: 403
// invalid-signature or link-expired, as nginx's secure_link would refuse it.
status verify_signed_link(const url_signer& signer, const clock& clk, const http::context& ctx);

// Players may be served from another origin; the signature is the access control.
void allow_any_origin(http::response& r);
// A 204 answer to a CORS preflight of a signed link.
http::response signed_link_preflight();

void add_routes(http::router& router, media_library& library, const url_signer& signer,
                const clock& clk, key_release release_key);

}  // namespace kinora::media
