#pragma once
// Signed media URLs in the form nginx's secure_link module verifies, so media can be
// served by Kinora, nginx or a CDN alike:
//
//   /media/{sig}/{expires}/{session}/{asset}/{file...}
//   sig = base64url(MD5("{expires}/{session}/{asset} {secret}")), unpadded
//
// nginx: secure_link $sig,$expires; secure_link_md5 "$expires/$session/$asset $secret";
// The signature covers the {session}/{asset} prefix, so one URL signs a master playlist
// and every rendition, segment and subtitle under it (playlists use relative URIs).
// MD5 because it is the only digest secure_link offers; the secret sits at the end of
// the hashed string, so length extension does not apply.
#include <cstdint>
#include <string>
#include <string_view>

namespace kinora::media {

class url_signer {
 public:
  explicit url_signer(std::string secret) : secret_(std::move(secret)) {}

  std::string signature(std::int64_t expires, std::string_view session,
                        std::string_view asset) const;
  // "/media/{sig}/{expires}/{session}/{asset}/"; a channel's playlists are under "/live/".
  std::string prefix(std::int64_t expires, std::string_view session, std::string_view asset,
                     std::string_view root = "/media/") const;
  // Constant-time comparison.
  bool valid(std::string_view sig, std::int64_t expires, std::string_view session,
             std::string_view asset) const;

 private:
  std::string secret_;
};

}  // namespace kinora::media
