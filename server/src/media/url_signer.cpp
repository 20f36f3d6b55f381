#include "media/url_signer.hpp"

#include <openssl/evp.h>
#include <sodium.h>

namespace kinora::media {

std::string url_signer::signature(std::int64_t expires, std::string_view session,
                                  std::string_view asset) const {
  const std::string text = std::to_string(expires) + "/" + std::string(session) + "/" +
                           std::string(asset) + " " + secret_;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), digest, &len, EVP_md5(), nullptr);
  char out[64];
  sodium_bin2base64(out, sizeof out, digest, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string url_signer::prefix(std::int64_t expires, std::string_view session,
                               std::string_view asset, std::string_view root) const {
  return std::string(root) + signature(expires, session, asset) + "/" + std::to_string(expires) +
         "/" + std::string(session) + "/" + std::string(asset) + "/";
}

bool url_signer::valid(std::string_view sig, std::int64_t expires, std::string_view session,
                       std::string_view asset) const {
  const auto expected = signature(expires, session, asset);
  return sig.size() == expected.size() &&
         sodium_memcmp(sig.data(), expected.data(), expected.size()) == 0;
}

}  // namespace kinora::media
