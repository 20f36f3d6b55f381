#pragma once
// The media on disk and in the database: the demo clip pool, ingesting real files, and
// the job queue behind admin uploads.
//
// <media-dir>/hls/<asset>/   what gets served (by Kinora, nginx or a CDN)
// <media-dir>/keys/<asset>.json   asset record with its content key; never served
// <media-dir>/uploads/, work/     upload sources and scratch space
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/result.hpp"
#include "media/asset_store.hpp"
#include "media/hls_packager.hpp"

namespace kinora::media {

// The package a channel plays when its schedule has nothing playable.
inline constexpr std::string_view slate_asset_id = "slate";

class media_library {
 public:
  media_library(storage::database& db, std::filesystem::path media_dir, const clock& clk,
                random_source& random, logger& log);
  ~media_library();

  const std::filesystem::path& hls_dir() const { return hls_; }

  // Packages the slate and the demo clips that are missing (once per media dir) and
  // registers them.
  result<std::vector<std::string>> build_demo_pool(int clips, int seconds);
  // How far the running build_demo_pool is: packages finished of those it had to make.
  int demo_packaged() const { return demo_done_; }
  int demo_to_package() const { return demo_total_; }
  // Registers every asset packaged in this media dir (perhaps for another database) and
  // returns the demo pool's ids.
  std::vector<std::string> register_packaged();
  // Packages a real file as a new asset and registers it.
  result<media_asset> ingest(const std::filesystem::path& source, const std::string& label,
                             const progress_fn& progress = {});

  // Checks the target exists, keeps the upload and queues a packaging job.
  result<media_job> enqueue_upload(std::string_view bytes, std::int64_t title_id,
                                   std::int64_t episode_id);
  // The same for an upload already on disk (in incoming_dir()): the file is moved into the
  // job's place, never read here.
  result<media_job> enqueue_upload(const std::filesystem::path& file, std::int64_t title_id,
                                   std::int64_t episode_id);
  // Where the HTTP server spools upload bodies while they arrive: on the same file system as
  // the job sources, so taking one over is a rename.
  std::filesystem::path incoming_dir() const { return dir_ / "uploads" / "incoming"; }
  std::optional<media_job> job(const std::string& id) {
    return asset_store::job(*db_.acquire(), id);
  }
  // Called when a job is queued, starts or ends (what a title page shows changes then).
  void on_jobs_changed(std::function<void()> listener) { on_jobs_changed_ = std::move(listener); }
  // A worker thread packaging queued jobs until stop().
  void start_worker();
  void stop();

 private:
  result<media_asset> package_and_register(const std::string& id, const std::string& label,
                                           const package_request& req, const progress_fn& progress);
  result<media_job> new_job(std::int64_t title_id, std::int64_t episode_id);
  result<media_job> queue(media_job& j);
  void work();
  void run_job(const media_job& job);
  void jobs_changed();

  storage::database& db_;
  std::filesystem::path dir_, hls_, keys_;
  const clock& clock_;
  random_source& random_;
  logger& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread worker_;
  std::function<void()> on_jobs_changed_;
  std::atomic<int> demo_done_{0}, demo_total_{0};
};

}  // namespace kinora::media
