#pragma once
// The stores a Redis-backed suite runs against: in-process always, Redis when
// KINORA_TEST_REDIS_URL names a server (required when CI=true: "redis-missing" fails).
#include <cstdlib>
#include <string>
#include <vector>

namespace kinora::testing {

inline std::vector<std::string> redis_kinds() {
  std::vector<std::string> out{"memory"};
  const char* redis = std::getenv("KINORA_TEST_REDIS_URL");
  const char* ci = std::getenv("CI");
  if (redis && *redis)
    out.push_back("redis");
  else if (ci && std::string(ci) == "true")
    out.push_back("redis-missing");
  return out;
}

}  // namespace kinora::testing
