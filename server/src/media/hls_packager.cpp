#include "media/hls_packager.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/files.hpp"
#include "media/ffmpeg.hpp"
#include "media/segment_cipher.hpp"

namespace kinora::media {

namespace fs = std::filesystem;

namespace {

struct rung {
  const char* name;
  int height;
  int kbps;
};
constexpr std::array<rung, 3> ladder{{{"240p", 240, 300}, {"480p", 480, 800}, {"720p", 720, 1600}}};
constexpr const char* demo_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

std::string demo_video(const demo_clip& c) {
  if (c.slate) {
    std::string v = "smptehdbars=size=1280x720:rate=24";
    if (fs::exists(demo_font))
      v += std::string(",drawtext=fontfile=") + demo_font +
           ":text='Kinora   Programme information unavailable':fontsize=44:fontcolor=white:"
           "box=1:boxcolor=black@0.7:boxborderw=16:x=(w-tw)/2:y=h-140";
    return v;
  }
  static constexpr std::array<const char*, 6> patterns{
      "testsrc2=size=1280x720:rate=24", "smptehdbars=size=1280x720:rate=24",
      "mandelbrot=size=1280x720:rate=24",
      // Life drawn at half size with doubled cells: the same look for a quarter of the work.
      "life=size=640x360:rate=24:mold=10:ratio=0.1,scale=1280:720:flags=neighbor",
      "rgbtestsrc=size=1280x720:rate=24", "testsrc=size=1280x720:rate=24"};
  std::string v = patterns[static_cast<std::size_t>(c.number - 1) % patterns.size()];
  if (fs::exists(demo_font))
    v += std::string(",drawtext=fontfile=") + demo_font + ":text='Kinora demo clip " +
         std::to_string(c.number) +
         "   %{pts\\:hms}':fontsize=44:fontcolor=white:box=1:boxcolor=black@0.6:"
         "boxborderw=12:x=40:y=h-100";
  return v;
}

std::string vtt_time(int s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.000", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

// A subtitle playlist with one WebVTT file for the whole programme.
void write_subtitle_playlist(const fs::path& dir, double duration) {
  std::ostringstream m;
  m << "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" << static_cast<int>(std::ceil(duration))
    << "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:" << duration
    << ",\nen.vtt\n#EXT-X-ENDLIST\n";
  files::write_atomically(dir / "en.m3u8", m.str());
}

// ffmpeg's master playlist, with a named audio rendition and the subtitle group added.
void rewrite_master(const fs::path& master, bool subtitles) {
  std::istringstream in(files::read(master));
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line.starts_with("#EXT-X-MEDIA:TYPE=AUDIO")) {
      out +=
          "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en\","
          "DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/index.m3u8\"\n";
      if (subtitles)
        out +=
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
            "DEFAULT=NO,AUTOSELECT=YES,URI=\"subs/en.m3u8\"\n";
      continue;
    }
    if (line.starts_with("#EXT-X-STREAM-INF:")) {
      const auto group = line.find("AUDIO=\"");
      if (group != std::string::npos) line = line.substr(0, group) + "AUDIO=\"aud\"";
      if (subtitles) line += ",SUBTITLES=\"subs\"";
    }
    out += line + "\n";
    if (line.starts_with("#EXT-X-VERSION")) out += "#EXT-X-INDEPENDENT-SEGMENTS\n";
  }
  files::write_atomically(master, out);
}

}  // namespace

result<packaged> package_hls(const package_request& req, const fs::path& out_dir,
                             const fs::path& work, const progress_fn& progress) {
  fs::create_directories(work);
  double duration = 0;
  int source_height = 720;
  bool source_audio = true;
  bool source_subtitles = false;
  if (req.source) {
    KINORA_TRY(info, probe(*req.source, work));
    duration = info.duration_seconds;
    source_height = info.height;
    source_audio = info.has_audio;
    source_subtitles = info.has_text_subtitles;
  } else {
    duration = req.demo->seconds;
  }

  std::vector<rung> rungs;
  for (const auto& r : ladder)
    if (r.height <= source_height) rungs.push_back(r);
  if (rungs.empty()) rungs.push_back({"240p", source_height - source_height % 2, 300});

  std::vector<std::string> a{"ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error"};
  if (req.source) {
    a.insert(a.end(), {"-i", req.source->string()});
    if (!source_audio) a.insert(a.end(), {"-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"});
  } else {
    a.insert(a.end(),
             {"-f", "lavfi", "-i", demo_video(*req.demo), "-f", "lavfi", "-i",
              req.demo->slate ? std::string("anullsrc=r=48000:cl=stereo")
                              : "sine=frequency=" + std::to_string(330 + 110 * req.demo->number) +
                                    ":sample_rate=48000"});
  }
  a.insert(a.end(), {"-t", std::to_string(duration)});
  std::string graph = "[0:v]split=" + std::to_string(rungs.size());
  for (std::size_t i = 0; i < rungs.size(); ++i) graph += "[s" + std::to_string(i) + "]";
  for (std::size_t i = 0; i < rungs.size(); ++i)
    graph += ";[s" + std::to_string(i) + "]scale=-2:" + std::to_string(rungs[i].height) +
             ",setsar=1,format=yuv420p[v" + std::to_string(i) + "]";
  a.insert(a.end(), {"-filter_complex", graph});
  std::string streams;
  for (std::size_t i = 0; i < rungs.size(); ++i) {
    const auto n = std::to_string(i);
    a.insert(a.end(), {"-map", "[v" + n + "]"});
    a.insert(a.end(), {"-b:v:" + n, std::to_string(rungs[i].kbps) + "k", "-maxrate:v:" + n,
                       std::to_string(rungs[i].kbps * 6 / 5) + "k", "-bufsize:v:" + n,
                       std::to_string(rungs[i].kbps * 2) + "k"});
    streams += "v:" + n + ",agroup:aud,name:" + rungs[i].name + " ";
  }
  a.insert(a.end(), {"-map", req.source && source_audio ? "0:a:0" : "1:a:0"});
  streams += "a:0,agroup:aud,name:audio,default:yes";
  a.insert(a.end(), {"-c:v", "libx264", "-preset", req.demo ? "ultrafast" : "veryfast"});
  // A test pattern needs no fine motion search: ultrafast (deblocking kept, for looks)
  // takes half the time of veryfast. CABAC keeps it Main profile, so the ladder's CODECS
  // (and everything else in the playlists) are those of a veryfast encode.
  if (req.demo) a.insert(a.end(), {"-x264-params", "cabac=1:deblock=0,0"});
  a.insert(a.end(), {"-profile:v",
                     "main",
                     "-sc_threshold",
                     "0",
                     "-force_key_frames",
                     "expr:gte(t,n_forced*" + std::to_string(segment_seconds) + ")",
                     "-c:a",
                     "aac",
                     "-b:a",
                     "128k",
                     "-ac",
                     "2",
                     "-ar",
                     "48000",
                     "-f",
                     "hls",
                     "-hls_time",
                     std::to_string(segment_seconds),
                     "-hls_playlist_type",
                     "vod",
                     "-hls_segment_type",
                     "fmp4",
                     "-hls_flags",
                     "independent_segments",
                     "-hls_fmp4_init_filename",
                     "init.mp4",
                     "-master_pl_name",
                     "master.m3u8",
                     "-var_stream_map",
                     streams,
                     "-hls_segment_filename",
                     (work / "out" / "%v" / "seg_%05d.m4s").string(),
                     "-progress",
                     (work / "progress.txt").string(),
                     (work / "out" / "%v" / "index.m3u8").string()});

  const fs::path out = work / "out";
  fs::create_directories(out);
  auto tick = [&] {
    if (!progress) return true;
    const auto done = progress_seconds(work / "progress.txt");
    return progress(done ? std::min(0.95, *done / duration) : 0.0);
  };
  if (auto st = run_tool(a, work / "ffmpeg.log", tick); !st) return st.err();

  bool subtitles = false;
  fs::create_directories(out / "subs");
  if (req.demo && !req.demo->slate) {
    std::ostringstream vtt;
    vtt << "WEBVTT\n\n";
    for (int s = 0; s + 4 <= req.demo->seconds; s += 10)
      vtt << vtt_time(s) << " --> " << vtt_time(s + 4) << "\nKinora demo clip " << req.demo->number
          << " — " << s / 60 << ":" << (s % 60 < 10 ? "0" : "") << s % 60 << "\n\n";
    files::write_atomically(out / "subs" / "en.vtt", vtt.str());
    subtitles = true;
  } else if (source_subtitles) {
    subtitles = static_cast<bool>(run_tool({"ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel",
                                            "error", "-i", req.source->string(), "-map", "0:s:0",
                                            "-c:s", "webvtt", (out / "subs" / "en.vtt").string()},
                                           work / "subtitles.log"));
  }
  if (subtitles)
    write_subtitle_playlist(out / "subs", duration);
  else
    fs::remove_all(out / "subs");

  packaged result;
  result.duration_seconds = static_cast<int>(std::ceil(duration));
  result.subtitles = subtitles;
  for (const auto& r : rungs) result.renditions.push_back(r.name);
  for (const auto& name : [&] {
         auto all = result.renditions;
         all.push_back("audio");
         return all;
       }()) {
    if (auto st = encrypt_media_playlist(out / name / "index.m3u8", req.key, "../key"); !st)
      return st.err();
  }
  rewrite_master(out / "master.m3u8", subtitles);
  fs::rename(out, out_dir);
  if (progress) progress(1.0);
  return result;
}

}  // namespace kinora::media
