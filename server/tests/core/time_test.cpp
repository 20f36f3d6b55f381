#include "core/time.hpp"

#include <gtest/gtest.h>

namespace kinora {
namespace {

TEST(rfc3339, formats_and_parses_utc) {
  EXPECT_EQ(format_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(1795504200), "2026-11-24T07:10:00Z");
  EXPECT_EQ(parse_rfc3339("2026-11-24T07:10:00Z"), 1795504200);
  EXPECT_EQ(parse_rfc3339("2026-11-24T08:10:00+01:00"), 1795504200);
  EXPECT_EQ(parse_rfc3339("2026-11-24T02:10:00.123-05:00"), 1795504200);
}

TEST(rfc3339, rejects_what_is_not_a_timestamp) {
  for (const char* bad :
       {"", "2026-11-24", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-24T25:00:00Z",
        "2026-11-24T07:10:00", "2026-11-24T07:10:00+1:00", "2026-11-24T07:10:00Zjunk", "yesterday"})
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
}

TEST(http_date, round_trips) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_FALSE(parse_http_date("not a date").has_value());
}

}  // namespace
}  // namespace kinora
