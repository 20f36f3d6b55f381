#pragma once
// A packaged HLS asset and the jobs that make them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/job_status.hpp"

namespace kinora::media {

struct media_asset {
  std::string id;  // directory name under <media-dir>/hls/; [a-z0-9-]
  std::string label;
  int duration_seconds = 0;
  std::string key;  // the 16 raw bytes of the AES-128 content key
  std::int64_t created_at = 0;
};

struct media_job {
  std::string id;
  job_status status = job_status::queued;
  std::string source;  // file to package
  std::int64_t title_id = 0;
  std::int64_t episode_id = 0;  // 0: the movie itself
  std::optional<std::string> asset_id;
  std::optional<std::string> error;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  int progress = 0;  // percent
};

// Asset ids double as directory and URL segments, so they are kept boring.
bool valid_asset_id(std::string_view id);

}  // namespace kinora::media
