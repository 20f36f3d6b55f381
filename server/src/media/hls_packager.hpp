#pragma once
// Packages one source as encrypted HLS: an fMP4/CMAF video ladder (up to 240p, 480p,
// 720p; never upscaled), an AAC audio rendition, a WebVTT subtitle track when there is
// text to show, 4 s segments and AES-128 with the key served at <asset>/key.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kinora::media {

// Every package is cut into segments of this length (the last may be shorter); live
// playout schedules packaged media on a grid of the same step.
inline constexpr int segment_seconds = 4;

// A generated test pattern standing in for a film: distinct picture and tone per number.
// The slate is what a channel shows when its schedule has nothing playable: colour bars,
// a caption and silence.
struct demo_clip {
  int number = 1;
  int seconds = 60;
  bool slate = false;
};

struct package_request {
  std::optional<std::filesystem::path> source;  // a real file, or
  std::optional<demo_clip> demo;                // a generated clip
  std::string key;                              // 16 bytes
};

struct packaged {
  int duration_seconds = 0;
  bool subtitles = false;
  std::vector<std::string> renditions;  // "240p", ...
};

// Called with the fraction done; return false to abandon the job.
using progress_fn = std::function<bool(double)>;

// Writes the package into out_dir (which must not exist yet); scratch files go to work.
result<packaged> package_hls(const package_request& req, const std::filesystem::path& out_dir,
                             const std::filesystem::path& work, const progress_fn& progress = {});

}  // namespace kinora::media
