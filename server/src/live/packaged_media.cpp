#include "live/packaged_media.hpp"

#include <cmath>
#include <sstream>

#include "core/files.hpp"

namespace kinora::live {

namespace fs = std::filesystem;

namespace {

int video_height(const std::string& folder) {
  if (folder.size() < 2 || folder.back() != 'p') return -1;
  try {
    return std::stoi(folder.substr(0, folder.size() - 1));
  } catch (const std::exception&) {
    return -1;
  }
}

std::string quoted_uri(const std::string& line) {
  const auto at = line.find("URI=\"");
  if (at == std::string::npos) return {};
  const auto end = line.find('"', at + 5);
  return end == std::string::npos ? std::string() : line.substr(at + 5, end - at - 5);
}

// "240p/index.m3u8" -> "240p"; playlists of the package sit one folder deep.
std::string folder_of(const std::string& uri) {
  const auto slash = uri.find('/');
  return slash == std::string::npos ? std::string() : uri.substr(0, slash);
}

bool read_track(const fs::path& file, packaged_track& t) {
  std::istringstream in(files::read(file));
  double pending = -1;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("#EXT-X-MAP:")) {
      t.init = quoted_uri(line);
    } else if (line.starts_with("#EXTINF:")) {
      pending = std::strtod(line.c_str() + 8, nullptr);
    } else if (!line.empty() && line.front() != '#' && pending >= 0) {
      t.segments.push_back({line, pending});
      pending = -1;
    }
  }
  return !t.init.empty() && !t.segments.empty();
}

}  // namespace

const packaged_track* packaged_media::track_for(const std::string& rendition) const {
  if (const auto it = tracks.find(rendition); it != tracks.end()) return &it->second;
  const int wanted = video_height(rendition);
  if (wanted < 0) return nullptr;
  const packaged_track* below = nullptr;
  const packaged_track* lowest = nullptr;
  int below_h = -1, lowest_h = 1 << 30;
  for (const auto& [folder, track] : tracks) {
    const int h = video_height(folder);
    if (h < 0) continue;
    if (h <= wanted && h > below_h) below = &track, below_h = h;
    if (h < lowest_h) lowest = &track, lowest_h = h;
  }
  return below ? below : lowest;
}

std::shared_ptr<const packaged_media> read_packaged_media(const fs::path& hls_dir,
                                                          const std::string& asset_id) {
  const fs::path root = hls_dir / asset_id;
  auto media = std::make_shared<packaged_media>();
  media->asset_id = asset_id;
  try {
    std::istringstream master(files::read(root / "master.m3u8"));
    std::vector<std::string> uris;
    for (std::string line; std::getline(master, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.starts_with("#EXT-X-MEDIA:") && line.find("TYPE=AUDIO") != std::string::npos)
        uris.push_back(quoted_uri(line));
      else if (!line.empty() && line.front() != '#')
        uris.push_back(line);
    }
    for (const auto& uri : uris) {
      const auto folder = folder_of(uri);
      if (folder.empty()) continue;
      packaged_track t;
      t.folder = folder;
      if (!read_track(root / uri, t)) return nullptr;
      media->tracks.emplace(folder, std::move(t));
    }
  } catch (const std::exception&) {
    return nullptr;
  }
  if (media->tracks.empty()) return nullptr;

  std::size_t slots = SIZE_MAX;
  const packaged_track* video = nullptr;
  for (const auto& [folder, track] : media->tracks) {
    slots = std::min(slots, track.segments.size());
    if (!video && video_height(folder) >= 0) video = &track;
  }
  if (!video) video = &media->tracks.begin()->second;
  for (std::size_t i = 0; i < slots; ++i)
    media->slot_durations.push_back(std::round(video->segments[i].duration * 1000) / 1000);
  return media;
}

std::shared_ptr<const packaged_media> packaged_media_cache::get(const std::string& asset_id) {
  {
    std::lock_guard lock(mutex_);
    if (const auto it = media_.find(asset_id); it != media_.end()) return it->second;
  }
  auto media = read_packaged_media(hls_dir_, asset_id);
  if (!media) return nullptr;  // perhaps still being packaged: try again next time
  std::lock_guard lock(mutex_);
  return media_.emplace(asset_id, std::move(media)).first->second;
}

}  // namespace kinora::live
