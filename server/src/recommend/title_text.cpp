#include "recommend/title_text.hpp"

#include <sodium.h>

namespace kinora::recommend {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::string embedding_text(const catalog::title& t) {
  // Title and synopsis carry most of the meaning; the tags add what a synopsis leaves out.
  std::string text = t.name + ". " + t.synopsis;
  if (!t.genres.empty()) text += " Genres: " + joined(t.genres) + ".";
  if (!t.moods.empty()) text += " Mood: " + joined(t.moods) + ".";
  if (!t.themes.empty()) text += " Themes: " + joined(t.themes) + ".";
  if (!t.cast.empty()) text += " Cast: " + joined(t.cast) + ".";
  if (!t.director.empty()) text += " Director: " + t.director + ".";
  return text;
}

std::string text_hash(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace kinora::recommend
