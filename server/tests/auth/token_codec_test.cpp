#include "auth/token_codec.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace kinora::auth {
namespace {

viewer sample() {
  viewer v;
  v.account_id = 7;
  v.profile_id = 11;
  v.role = role::admin;
  v.tier = tier::standard;
  v.ceiling = maturity::age13;
  v.kids = true;
  v.refresh_id = 42;
  return v;
}

TEST(token_codec, round_trips_the_claims) {
  ASSERT_GE(sodium_init(), 0);
  token_codec codec(std::string(32, 's'));
  const auto token = codec.issue(sample(), 1000, 900);
  const auto v = codec.verify(token, 1899);
  ASSERT_TRUE(v.ok()) << v.err().detail;
  EXPECT_EQ(v->account_id, 7);
  EXPECT_EQ(v->profile_id, 11);
  EXPECT_TRUE(v->is_admin());
  EXPECT_EQ(v->tier, tier::standard);
  EXPECT_EQ(v->ceiling, maturity::age13);
  EXPECT_TRUE(v->kids);
  EXPECT_EQ(v->refresh_id, 42);
}

TEST(token_codec, refuses_a_token_that_names_no_refresh_token) {
  token_codec codec(std::string(32, 's'));
  auto v = sample();
  v.refresh_id = 0;
  EXPECT_EQ(codec.verify(codec.issue(v, 1000, 900), 1001).err().kind, "invalid-token");
}

TEST(token_codec, derives_per_purpose_and_input) {
  token_codec codec(std::string(32, 's'));
  const auto a = codec.derive("p", "token");
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a, codec.derive("p", "token"));
  EXPECT_NE(a, codec.derive("q", "token"));
  EXPECT_NE(a, codec.derive("p", "token2"));
  EXPECT_NE(a, token_codec(std::string(32, 't')).derive("p", "token"));
}

TEST(token_codec, expires) {
  token_codec codec(std::string(32, 's'));
  const auto token = codec.issue(sample(), 1000, 900);
  EXPECT_EQ(codec.verify(token, 1900).err().kind, "token-expired");
}

TEST(token_codec, rejects_other_keys_and_tampering) {
  token_codec codec(std::string(32, 's'));
  token_codec other(std::string(32, 't'));
  const auto token = codec.issue(sample(), 1000, 900);
  EXPECT_EQ(other.verify(token, 1001).err().kind, "invalid-token");
  std::string tampered = token;
  tampered[tampered.find('.') + 5] ^= 1;
  EXPECT_FALSE(codec.verify(tampered, 1001).ok());
  EXPECT_FALSE(codec.verify("", 1001).ok());
  EXPECT_FALSE(codec.verify("a.b", 1001).ok());
  EXPECT_FALSE(codec.verify(token + ".x", 1001).ok());
}

TEST(sha256_hex, matches_the_standard_vector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace kinora::auth
