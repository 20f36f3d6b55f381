#include "media/segment_cipher.hpp"

#include "core/files.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace kinora::media {

namespace fs = std::filesystem;

std::string aes128_cbc(const std::string& data, const std::string& key, std::uint64_t sequence,
                       bool encrypt) {
  unsigned char iv[16] = {};
  for (int i = 0; i < 8; ++i) iv[15 - i] = static_cast<unsigned char>(sequence >> (8 * i));
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      EVP_CIPHER_CTX_free);
  if (!ctx || key.size() != 16 ||
      EVP_CipherInit_ex(ctx.get(), EVP_aes_128_cbc(), nullptr,
                        reinterpret_cast<const unsigned char*>(key.data()), iv,
                        encrypt ? 1 : 0) != 1)
    throw std::runtime_error("AES-128 setup failed");
  std::string out(data.size() + 16, '\0');
  int n = 0, tail = 0;
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_CipherUpdate(ctx.get(), o, &n, reinterpret_cast<const unsigned char*>(data.data()),
                       static_cast<int>(data.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), o + n, &tail) != 1)
    throw std::runtime_error("AES-128 failed (wrong key or corrupt data)");
  out.resize(static_cast<std::size_t>(n) + static_cast<std::size_t>(tail));
  return out;
}

status encrypt_media_playlist(const fs::path& playlist, const std::string& key,
                              const std::string& key_uri) {
  std::istringstream in(files::read(playlist));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  std::uint64_t sequence = 0;
  bool keyed = false;
  std::string out;
  const std::string key_tag = "#EXT-X-KEY:METHOD=AES-128,URI=\"" + key_uri + "\"";
  for (const auto& line : lines) {
    if (line.starts_with("#EXT-X-MEDIA-SEQUENCE:")) sequence = std::stoull(line.substr(22));
    if (line.starts_with("#EXT-X-KEY:"))
      return fail(errc::conflict, playlist.string() + " is already encrypted.");
    if (!keyed && line.starts_with("#EXTINF:")) {
      out += key_tag + "\n";
      keyed = true;
    }
    out += line + "\n";
    if (!line.empty() && line.front() != '#') {
      const fs::path segment = playlist.parent_path() / line;
      files::write_atomically(segment, aes128_cbc(files::read(segment), key, sequence++, true));
    }
  }
  if (!keyed) return fail(errc::validation, playlist.string() + " has no segments.");
  files::write_atomically(playlist, out);
  return ok();
}

}  // namespace kinora::media
