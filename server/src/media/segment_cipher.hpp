#pragma once
// HLS AES-128 (RFC 8216 §5.2): whole segments in AES-128-CBC with PKCS#7 padding.
// ffmpeg 5.1 refuses to encrypt fMP4, so Kinora encrypts what ffmpeg packaged.
#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace kinora::media {

// Encrypts every segment of one media playlist in place, with the media sequence
// number as IV, and adds the EXT-X-KEY tag after EXT-X-MAP (the init section stays
// clear, so no IV attribute is needed).
status encrypt_media_playlist(const std::filesystem::path& playlist, const std::string& key,
                              const std::string& key_uri);

// The same cipher for one buffer; also used by tests to decrypt.
std::string aes128_cbc(const std::string& data, const std::string& key, std::uint64_t sequence,
                       bool encrypt);

}  // namespace kinora::media
