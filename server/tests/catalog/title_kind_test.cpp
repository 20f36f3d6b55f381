#include <gtest/gtest.h>

#include "catalog/title.hpp"

namespace kinora::catalog {
namespace {

TEST(catalog_title_kind, every_value_reads_back_from_its_string) {
  // The strings are the database's (a CHECK constraint) and the API's "type".
  EXPECT_EQ(to_string(title_kind::movie), "movie");
  EXPECT_EQ(to_string(title_kind::series), "series");
  for (auto k : {title_kind::movie, title_kind::series})
    EXPECT_EQ(parse_title_kind(to_string(k)), k);
}

TEST(catalog_title_kind, an_unknown_string_is_refused) {
  EXPECT_FALSE(parse_title_kind(""));
  EXPECT_FALSE(parse_title_kind("Movie"));
  EXPECT_FALSE(parse_title_kind("film"));
  EXPECT_FALSE(parse_title_kind("series "));
}

}  // namespace
}  // namespace kinora::catalog
