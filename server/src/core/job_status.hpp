#pragma once
// Where a background job is, for media packaging and embedding jobs alike. The strings are
// what the database stores and the API shows, so they never change.
#include <initializer_list>
#include <optional>
#include <string_view>

namespace kinora {

enum class job_status { queued, running, succeeded, failed };

constexpr std::string_view to_string(job_status s) {
  switch (s) {
    case job_status::queued:
      return "queued";
    case job_status::running:
      return "running";
    case job_status::succeeded:
      return "succeeded";
    case job_status::failed:
      return "failed";
  }
  return "queued";
}

constexpr std::optional<job_status> parse_job_status(std::string_view s) {
  for (auto v :
       {job_status::queued, job_status::running, job_status::succeeded, job_status::failed})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace kinora
