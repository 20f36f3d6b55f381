#pragma once
// Running Debian's ffmpeg/ffprobe as child processes: argument vectors, never a shell.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kinora::media {

struct source_info {
  double duration_seconds = 0;
  int width = 0;
  int height = 0;
  bool has_audio = false;
  bool has_text_subtitles = false;  // a subtitle stream ffmpeg can turn into WebVTT
};

// Called about twice a second while the child runs; return false to stop it.
using tick_fn = std::function<bool()>;

// Runs argv[0] with its output going to log_file. The exit status, or a failure naming
// the program and the last lines it printed.
status run_tool(const std::vector<std::string>& argv, const std::filesystem::path& log_file,
                const tick_fn& tick = {});

// What ffprobe sees in a source file; a validation failure when it is not a video.
result<source_info> probe(const std::filesystem::path& file, const std::filesystem::path& work);

// ffmpeg's -progress output: seconds of output written so far.
std::optional<double> progress_seconds(const std::filesystem::path& progress_file);

}  // namespace kinora::media
