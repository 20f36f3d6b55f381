#include "auth/session_cookie.hpp"

#include <gtest/gtest.h>

namespace kinora::auth {
namespace {

TEST(session_cookie, finds_a_cookie_among_several) {
  const std::string header = "theme=dark; kinora_refresh=abc-DEF_123; lang=en";
  EXPECT_EQ(cookie_value(header, "kinora_refresh"), "abc-DEF_123");
  EXPECT_EQ(cookie_value(header, "theme"), "dark");
  EXPECT_EQ(cookie_value(header, "lang"), "en");
  EXPECT_EQ(cookie_value("kinora_refresh=only", "kinora_refresh"), "only");
}

TEST(session_cookie, ignores_whitespace_around_names_and_values) {
  EXPECT_EQ(cookie_value("  a=1 ;\tkinora_refresh = tok \t;b=2", "kinora_refresh"), "tok");
  EXPECT_EQ(cookie_value("a=1;kinora_refresh=tok", "kinora_refresh"), "tok");
  EXPECT_EQ(cookie_value("a=1;   ", "a"), "1");
}

TEST(session_cookie, removes_quotes_around_a_value) {
  EXPECT_EQ(cookie_value("kinora_refresh=\"quoted\"; a=1", "kinora_refresh"), "quoted");
  EXPECT_EQ(cookie_value("kinora_refresh= \"spaced\" ", "kinora_refresh"), "spaced");
  EXPECT_EQ(cookie_value("kinora_refresh=\"\"", "kinora_refresh"), "");
  // Only a matched pair is a quoted value.
  EXPECT_EQ(cookie_value("kinora_refresh=\"half", "kinora_refresh"), "\"half");
}

TEST(session_cookie, answers_nothing_when_the_cookie_is_missing) {
  EXPECT_EQ(cookie_value("", "kinora_refresh"), std::nullopt);
  EXPECT_EQ(cookie_value("a=1; b=2", "kinora_refresh"), std::nullopt);
  // A name must match whole, not as a prefix or suffix.
  EXPECT_EQ(cookie_value("kinora_refresh_old=1; x_kinora_refresh=2", "kinora_refresh"),
            std::nullopt);
  // A pair without '=' is skipped, and a value naming the cookie is not the cookie.
  EXPECT_EQ(cookie_value("kinora_refresh; a=kinora_refresh=1", "kinora_refresh"), std::nullopt);
  EXPECT_EQ(cookie_value(";;;", "kinora_refresh"), std::nullopt);
}

TEST(session_cookie, keeps_an_empty_value_and_takes_the_first_of_several) {
  EXPECT_EQ(cookie_value("kinora_refresh=; a=1", "kinora_refresh"), "");
  EXPECT_EQ(cookie_value("kinora_refresh=first; kinora_refresh=second", "kinora_refresh"), "first");
  // Values may hold '=' (base64 padding).
  EXPECT_EQ(cookie_value("a=b==; kinora_refresh=x", "a"), "b==");
}

TEST(session_cookie, formats_set_cookie) {
  EXPECT_EQ(format_set_cookie("kinora_refresh", "tok", {"/api/v1/auth", 2592000, false}),
            "kinora_refresh=tok; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=2592000");
  EXPECT_EQ(format_set_cookie("kinora_refresh", "tok", {"/api/v1/auth", 60, true}),
            "kinora_refresh=tok; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
  cookie_attributes defaults;
  EXPECT_EQ(defaults.path, refresh_cookie_path);
  EXPECT_FALSE(defaults.secure);
}

TEST(session_cookie, formats_a_clearing_cookie) {
  EXPECT_EQ(format_clear_cookie("kinora_refresh", "/api/v1/auth", false),
            "kinora_refresh=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0");
  EXPECT_EQ(format_clear_cookie("kinora_refresh", "/api/v1/auth", true),
            "kinora_refresh=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
  // A negative lifetime is never written: it clears too.
  EXPECT_EQ(format_set_cookie("a", "b", {"/", -5, false}),
            "a=b; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

}  // namespace
}  // namespace kinora::auth
