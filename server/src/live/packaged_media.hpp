#pragma once
// What live playout needs to know of a packaged asset: each rendition's init section and
// segments, as its VOD playlists list them. Packages never change once written, so they
// are read once and kept.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kinora::live {

struct packaged_segment {
  std::string file;  // relative to the rendition's folder
  double duration = 0;
};

// One rendition ("240p", "audio", ...) of one asset.
struct packaged_track {
  std::string folder;
  std::string init;  // the EXT-X-MAP file
  std::vector<packaged_segment> segments;
};

struct packaged_media {
  std::string asset_id;
  std::map<std::string, packaged_track> tracks;  // by folder name
  // The length of each slot one pass of the asset fills: as many slots as every track
  // has segments, each as long as the video's segment (audio frames round differently).
  std::vector<double> slot_durations;

  std::size_t slots() const { return slot_durations.size(); }
  // The requested rendition, else the tallest video below it, else the shortest one.
  const packaged_track* track_for(const std::string& rendition) const;
};

// Reads <hls_dir>/<asset>/<folder>/index.m3u8 for every rendition of the master
// playlist. Nothing when the package is missing or unreadable.
std::shared_ptr<const packaged_media> read_packaged_media(const std::filesystem::path& hls_dir,
                                                          const std::string& asset_id);

class packaged_media_cache {
 public:
  explicit packaged_media_cache(std::filesystem::path hls_dir) : hls_dir_(std::move(hls_dir)) {}
  std::shared_ptr<const packaged_media> get(const std::string& asset_id);
  const std::filesystem::path& hls_dir() const { return hls_dir_; }

 private:
  std::filesystem::path hls_dir_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const packaged_media>> media_;
};

}  // namespace kinora::live
