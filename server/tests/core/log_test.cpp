#include "core/log.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace kinora {
namespace {

std::vector<boost::json::object> lines_written(const std::function<void(logger&)>& write) {
  testing::internal::CaptureStderr();
  {
    logger log(log_level::info);
    write(log);
  }  // the destructor flushes
  std::istringstream out(testing::internal::GetCapturedStderr());
  std::vector<boost::json::object> lines;
  for (std::string line; std::getline(out, line);)
    lines.push_back(boost::json::parse(line).as_object());
  return lines;
}

TEST(Logger, WritesOneJsonObjectPerLineWithEveryField) {
  const auto lines = lines_written([](logger& log) {
    log.info("request", {{"path", "/api/v1/x"},
                         {"status", 200},
                         {"duration_ms", 0.25},
                         {"big", std::uint64_t{18446744073709551615ull}},
                         {"ok", true},
                         {"none", nullptr}});
    log.write(log_level::debug, "not written at info");
  });
  ASSERT_EQ(lines.size(), 1u);
  const auto& l = lines[0];
  EXPECT_EQ(l.at("level"), "info");
  EXPECT_EQ(l.at("msg"), "request");
  EXPECT_EQ(l.at("path"), "/api/v1/x");
  EXPECT_EQ(l.at("status").as_int64(), 200);
  EXPECT_DOUBLE_EQ(l.at("duration_ms").to_number<double>(), 0.25);
  EXPECT_EQ(l.at("big").to_number<std::uint64_t>(), 18446744073709551615ull);
  EXPECT_EQ(l.at("ok"), true);
  EXPECT_TRUE(l.at("none").is_null());
  const std::string ts(l.at("ts").as_string());
  ASSERT_EQ(ts.size(), 24u) << ts;  // 2026-12-07T06:55:01.123Z
  EXPECT_EQ(ts[10], 'T');
  EXPECT_EQ(ts[19], '.');
  EXPECT_EQ(ts.back(), 'Z');
}

TEST(Logger, EscapesWhatJsonRequiresAndNeverWritesInvalidNumbers) {
  const std::string nasty = "a \"quoted\" back\\slash\nnew line\ttab \x01 ctl";
  const auto lines = lines_written([&](logger& log) {
    log.warn(nasty, {{nasty, nasty}, {"nan", std::nan("")}, {"inf", HUGE_VAL}});
  });
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("msg").as_string(), nasty);
  EXPECT_EQ(lines[0].at(nasty).as_string(), nasty);
  EXPECT_TRUE(lines[0].at("nan").is_null());
  EXPECT_TRUE(lines[0].at("inf").is_null());
}

}  // namespace
}  // namespace kinora
