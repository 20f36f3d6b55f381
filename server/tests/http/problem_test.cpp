#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>
#include <string>

namespace kinora::http {
namespace {

TEST(Problem, EveryCodeHasItsOwnStatusKindAndTitle) {
  std::set<unsigned> statuses;
  std::set<std::string> kinds;
  for (int c = 0; c <= static_cast<int>(errc::internal); ++c) {
    const auto code = static_cast<errc>(c);
    const auto res = problem(error::make(code, "why"), "/x");
    const auto body = boost::json::parse(res.body).as_object();
    EXPECT_EQ(res.status, status_for(code));
    EXPECT_EQ(body.at("status").as_int64(), res.status);
    EXPECT_FALSE(body.at("title").as_string().empty());
    EXPECT_EQ(body.at("detail"), "why");
    EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
    statuses.insert(res.status);
    kinds.insert(std::string(body.at("type").as_string()));
  }
  const auto count = static_cast<std::size_t>(errc::internal) + 1;
  EXPECT_EQ(statuses.size(), count);
  EXPECT_EQ(kinds.size(), count);
  EXPECT_EQ(status_for(errc::validation), 422u);
  EXPECT_EQ(boost::json::parse(problem(error::make(errc::not_found, "x"), "/").body).at("type"),
            "urn:kinora:problem:not-found");
}

TEST(Problem, AGivenKindReplacesTheDefault) {
  const auto res = problem(error::make(errc::unauthorized, "x", "token-expired"), "/");
  EXPECT_EQ(boost::json::parse(res.body).at("type"), "urn:kinora:problem:token-expired");
  EXPECT_EQ(res.header("WWW-Authenticate"), "Bearer");
}

}  // namespace
}  // namespace kinora::http
