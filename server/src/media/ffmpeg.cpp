#include "media/ffmpeg.hpp"

#include "core/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace kinora::media {

namespace fs = std::filesystem;

namespace {

std::string last_lines(const std::string& text, int n) {
  auto end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  auto start = end;
  for (int seen = 0; start > 0; --start)
    if (text[start - 1] == '\n' && ++seen == n) break;
  return text.substr(start, end - start);
}

}  // namespace

status run_tool(const std::vector<std::string>& argv, const fs::path& log_file,
                const tick_fn& tick) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    return fail(errc::unavailable, argv[0] + " could not be started: " + std::strerror(rc) +
                                       ". Install it (scripts/install-deps.sh).");

  int wstatus = 0;
  bool stopped = false;
  for (auto last_tick = std::chrono::steady_clock::now();;) {
    const pid_t done = ::waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return fail(errc::internal, "waitpid failed");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (tick && std::chrono::steady_clock::now() - last_tick > std::chrono::milliseconds(500)) {
      last_tick = std::chrono::steady_clock::now();
      if (!stopped && !tick()) {
        ::kill(pid, SIGTERM);
        stopped = true;
      }
    }
  }
  if (stopped) return fail(errc::unavailable, argv[0] + " was stopped.");
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) return ok();
  return fail(errc::validation, argv[0] + " failed: " + last_lines(files::read(log_file), 3),
              "media-tool-failed");
}

result<source_info> probe(const fs::path& file, const fs::path& work) {
  const fs::path out = work / "probe.json";
  {
    // ffprobe writes JSON to stdout, which run_tool sends to the log file.
    auto st = run_tool({"ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                        "-show_streams", file.string()},
                       out);
    if (!st)
      return fail(errc::validation,
                  "The file is not a media file ffmpeg can read (" + st.err().detail + ").",
                  "unreadable-media");
  }
  boost::system::error_code ec;
  const auto doc = boost::json::parse(files::read(out), ec);
  if (ec || !doc.is_object())
    return fail(errc::validation, "ffprobe gave no description of the file.", "unreadable-media");
  source_info info;
  const auto& root = doc.as_object();
  if (const auto* f = root.if_contains("format"); f && f->is_object()) {
    if (const auto* d = f->as_object().if_contains("duration"); d && d->is_string())
      info.duration_seconds = std::atof(d->as_string().c_str());
  }
  if (const auto* streams = root.if_contains("streams"); streams && streams->is_array()) {
    for (const auto& s : streams->as_array()) {
      if (!s.is_object()) continue;
      const auto& o = s.as_object();
      const auto* type = o.if_contains("codec_type");
      const auto* codec = o.if_contains("codec_name");
      if (!type || !type->is_string()) continue;
      const std::string_view t = type->as_string();
      const std::string name = codec && codec->is_string() ? std::string(codec->as_string()) : "";
      if (t == "video" && info.height == 0 && name != "mjpeg" && name != "png") {
        auto dimension = [&](const char* key) {
          const auto* v = o.if_contains(key);
          return v && v->is_int64() ? static_cast<int>(v->as_int64()) : 0;
        };
        info.width = dimension("width");
        info.height = dimension("height");
      } else if (t == "audio") {
        info.has_audio = true;
      } else if (t == "subtitle") {
        info.has_text_subtitles = info.has_text_subtitles || name == "subrip" || name == "ass" ||
                                  name == "webvtt" || name == "mov_text" || name == "ssa";
      }
    }
  }
  if (info.height <= 0)
    return fail(errc::validation, "The file has no video stream.", "no-video-stream");
  if (info.duration_seconds < 1)
    return fail(errc::validation, "The video is shorter than one second or has no duration.",
                "too-short");
  return info;
}

std::optional<double> progress_seconds(const fs::path& progress_file) {
  const std::string text = files::read(progress_file);
  const auto at = text.rfind("out_time_us=");
  if (at == std::string::npos) return std::nullopt;
  const double us = std::atof(text.c_str() + at + 12);
  return us > 0 ? std::optional<double>(us / 1e6) : std::nullopt;
}

}  // namespace kinora::media
