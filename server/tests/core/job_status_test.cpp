#include "core/job_status.hpp"

#include <gtest/gtest.h>

namespace kinora {
namespace {

TEST(job_status, every_value_reads_back_from_its_string) {
  // The strings are the database's and the API's; they must stay these.
  const std::pair<job_status, std::string_view> spelled[] = {{job_status::queued, "queued"},
                                                             {job_status::running, "running"},
                                                             {job_status::succeeded, "succeeded"},
                                                             {job_status::failed, "failed"}};
  for (const auto& [status, text] : spelled) {
    EXPECT_EQ(to_string(status), text);
    EXPECT_EQ(parse_job_status(text), status);
  }
}

TEST(job_status, an_unknown_string_is_refused) {
  EXPECT_FALSE(parse_job_status(""));
  EXPECT_FALSE(parse_job_status("Running"));
  EXPECT_FALSE(parse_job_status("done"));
  EXPECT_FALSE(parse_job_status("queued "));
}

}  // namespace
}  // namespace kinora
