#include "core/json.hpp"

#include <gtest/gtest.h>

namespace kinora::json {
namespace {

TEST(parse_object, explains_what_is_wrong) {
  EXPECT_EQ(parse_object("").err().kind, "malformed-json");
  EXPECT_EQ(parse_object("[1]").err().code, errc::bad_request);
  EXPECT_EQ(parse_object("{\"a\":").err().code, errc::bad_request);
  EXPECT_EQ(parse_object("{\"a\":\"\xff\"}").err().code, errc::bad_request);
  EXPECT_TRUE(parse_object("{\"a\":1}").ok());
}

TEST(object_reader, collects_every_problem_including_unknown_fields) {
  const auto obj =
      parse_object(R"({"name": 5, "age": 300, "extra": true, "tags": ["a", 1]})").value();
  object_reader r(obj);
  EXPECT_FALSE(r.required_string("name").has_value());
  EXPECT_FALSE(r.required_int("age", 0, 150).has_value());
  EXPECT_FALSE(r.required_string("email").has_value());
  EXPECT_FALSE(r.optional_strings("tags", 5).has_value());
  const auto st = r.finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.err().code, errc::validation);
  std::vector<std::string> fields;
  for (const auto& f : st.err().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "age", "email", "tags[1]", "extra"}));
}

TEST(object_reader, accepts_valid_input) {
  const auto obj =
      parse_object(R"({"name": "Ada", "kind": "movie", "n": 3, "ok": false, "pin": null})").value();
  object_reader r(obj);
  EXPECT_EQ(r.required_string("name", {1, 10}), "Ada");
  EXPECT_EQ(r.required_enum("kind", {"movie", "series"}), "movie");
  EXPECT_EQ(r.optional_int("n", 0, 5), 3);
  EXPECT_EQ(r.optional_bool("ok"), false);
  EXPECT_TRUE(r.take_null("pin"));
  EXPECT_TRUE(r.finish().ok());
}

}  // namespace
}  // namespace kinora::json
