// Signed links as nginx's secure_link computes them, and the HLS AES-128 segment cipher.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "media/segment_cipher.hpp"
#include "media/url_signer.hpp"

namespace kinora::media {
namespace {

TEST(url_signer, matches_nginx_secure_link_md5) {
  // printf '1800000000/sess/demo-1 secret' | openssl md5 -binary | base64 | tr +/ -_ | tr -d =
  const url_signer signer("secret");
  EXPECT_EQ(signer.signature(1800000000, "sess", "demo-1"), "T511VekRSnv7rx0rivQQgw");
  EXPECT_EQ(signer.prefix(1800000000, "sess", "demo-1"),
            "/media/T511VekRSnv7rx0rivQQgw/1800000000/sess/demo-1/");
  EXPECT_TRUE(signer.valid("T511VekRSnv7rx0rivQQgw", 1800000000, "sess", "demo-1"));
  EXPECT_FALSE(signer.valid("T511VekRSnv7rx0rivQQgW", 1800000000, "sess", "demo-1"));
  EXPECT_FALSE(signer.valid("T511VekRSnv7rx0rivQQgw", 1800000001, "sess", "demo-1"));
  EXPECT_FALSE(signer.valid("T511VekRSnv7rx0rivQQgw", 1800000000, "sess", "demo-2"));
  EXPECT_FALSE(signer.valid("", 1800000000, "sess", "demo-1"));
}

TEST(segment_cipher, encrypts_a_playlist_in_place_with_sequence_ivs) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("kinora-cipher-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string key = "0123456789abcdef";
  const std::string a(1000, 'a'), b(4096, 'b');
  std::ofstream(dir / "seg_0.m4s") << a;
  std::ofstream(dir / "seg_1.m4s") << b;
  std::ofstream(dir / "index.m3u8")
      << "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:7\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4.0,\nseg_0.m4s\n"
         "#EXTINF:4.0,\nseg_1.m4s\n#EXT-X-ENDLIST\n";
  ASSERT_TRUE(encrypt_media_playlist(dir / "index.m3u8", key, "../key"));

  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const auto playlist = slurp(dir / "index.m3u8");
  EXPECT_LT(playlist.find("#EXT-X-MAP"), playlist.find("#EXT-X-KEY:METHOD=AES-128,URI=\"../key\""));
  const auto ea = slurp(dir / "seg_0.m4s"), eb = slurp(dir / "seg_1.m4s");
  EXPECT_EQ(ea.size(), 1008u) << "PKCS#7 pads to the block";
  EXPECT_EQ(eb.size(), 4112u) << "a full block of padding";
  EXPECT_EQ(aes128_cbc(ea, key, 7, false), a);
  EXPECT_EQ(aes128_cbc(eb, key, 8, false), b);
  EXPECT_NE(aes128_cbc(eb, key, 9, false), b) << "the IV is the sequence number";
  EXPECT_FALSE(encrypt_media_playlist(dir / "index.m3u8", key, "../key")) << "never twice";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kinora::media
