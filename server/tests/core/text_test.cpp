#include "core/text.hpp"

#include <gtest/gtest.h>

namespace kinora::text {
namespace {

TEST(fold, lowercases_strips_accents_and_punctuation) {
  EXPECT_EQ(fold("Spider-Man"), "spider man");
  EXPECT_EQ(fold("  SPÏDER   man!! "), "spider man");
  EXPECT_EQ(fold("Café Mirabelle"), "cafe mirabelle");
  EXPECT_EQ(fold("Mr. Quill's Clockwork Zoo"), "mr quills clockwork zoo");
  EXPECT_EQ(fold("Ｆｕｌｌｗｉｄｔｈ ２０２６"), "fullwidth 2026");
  EXPECT_EQ(fold("!!! --- ..."), "");
  EXPECT_EQ(fold("東京 物語"), "東京 物語");
}

TEST(words, splits_the_folded_text) {
  EXPECT_EQ(words("Fire & Flour"), (std::vector<std::string>{"fire", "flour"}));
  EXPECT_TRUE(words("  ").empty());
}

TEST(slugify, makes_url_safe_names) {
  EXPECT_EQ(slugify("Café Mirabelle!"), "cafe-mirabelle");
  EXPECT_EQ(slugify("Dead Air at 3 A.M."), "dead-air-at-3-a-m");
}

TEST(valid_utf8, rejects_broken_sequences) {
  EXPECT_TRUE(valid_utf8("plain Zoë 🎬"));
  EXPECT_FALSE(valid_utf8("\xff\xfe"));
  EXPECT_FALSE(valid_utf8("abc\xc3"));
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));  // a UTF-16 surrogate encoded as UTF-8
}

}  // namespace
}  // namespace kinora::text
