#include "media/media_library.hpp"

#include <sys/stat.h>
#include "core/files.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace kinora::media {

namespace fs = std::filesystem;
namespace bj = boost::json;

namespace {

std::string demo_id(int n) {
  return "demo-" + std::to_string(n);
}

}  // namespace

media_library::media_library(storage::database& db, fs::path media_dir, const clock& clk,
                             random_source& random, logger& log)
    : db_(db),
      dir_(std::move(media_dir)),
      hls_(dir_ / "hls"),
      keys_(dir_ / "keys"),
      clock_(clk),
      random_(random),
      log_(log) {}

media_library::~media_library() {
  stop();
}

result<media_asset> media_library::package_and_register(const std::string& id,
                                                        const std::string& label,
                                                        const package_request& req,
                                                        const progress_fn& progress) {
  fs::create_directories(hls_);
  fs::create_directories(keys_);
  ::chmod(keys_.c_str(), 0700);
  const fs::path work = dir_ / "work" / id;
  fs::remove_all(work);
  auto done = package_hls(req, hls_ / id, work, progress);
  fs::remove_all(work);
  if (!done) return done.err();

  media_asset a{id, label, done->duration_seconds, req.key, clock_.now_unix()};
  // The record is written last: a package without one was never finished.
  const bj::object record{{"id", a.id},
                          {"label", a.label},
                          {"duration_seconds", a.duration_seconds},
                          {"key", files::to_hex(a.key)},
                          {"created_at", a.created_at}};
  try {
    // Checked, fsynced and renamed into place: a full disk or an I/O error fails the
    // package with its cause instead of leaving a half key file that loses the asset.
    files::write_durably(keys_ / (id + ".json"), bj::serialize(record), 0600);
  } catch (const std::exception& e) {
    return fail(errc::unavailable, std::string("The content key could not be stored: ") + e.what());
  }
  asset_store::save(*db_.acquire(), a);
  return a;
}

result<std::vector<std::string>> media_library::build_demo_pool(int clips, int seconds) {
  struct todo {
    std::string id, label;
    package_request req;
  };
  std::vector<todo> work;
  // The slate first: every channel needs it, whatever plays on it.
  for (int n = 0; n <= clips; ++n) {
    const bool slate = n == 0;
    const auto id = slate ? std::string(slate_asset_id) : demo_id(n);
    if (fs::exists(keys_ / (id + ".json")) && fs::exists(hls_ / id / "master.m3u8")) continue;
    fs::remove_all(hls_ / id);  // a half-built package from an interrupted run
    package_request req;
    req.demo = demo_clip{n, seconds, slate};
    req.key = random_.bytes(16);
    work.push_back(
        {id, slate ? std::string("Kinora channel slate") : "Kinora demo clip " + std::to_string(n),
         std::move(req)});
  }
  demo_total_ = static_cast<int>(work.size());
  demo_done_ = 0;
  // Made here once, not by two packagers racing to create them.
  fs::create_directories(hls_);
  fs::create_directories(keys_);
  fs::create_directories(dir_ / "work");

  // Two clips at a time: a generated pattern is drawn on one thread, so one ffmpeg alone
  // leaves the second core idle for much of its run.
  std::mutex m;
  std::size_t next = 0;
  std::optional<error> failure;
  auto keep_going = [&](double) {
    std::scoped_lock lock(mutex_, m);
    return !stopping_ && !failure;
  };
  auto packager = [&] {
    for (;;) {
      const todo* t = nullptr;
      {
        std::lock_guard lock(m);
        if (next == work.size() || failure) return;
        t = &work[next++];
      }
      log_.info("packaging demo clip", {{"asset", t->id}, {"seconds", seconds}});
      auto a = [&]() -> result<media_asset> {
        try {
          return package_and_register(t->id, t->label, t->req, keep_going);
        } catch (const std::exception& e) {
          return fail(errc::internal, std::string("Packaging failed: ") + e.what());
        }
      }();
      std::lock_guard lock(m);
      if (!a && !failure) failure = a.err();
      if (a) ++demo_done_;
    }
  };
  std::vector<std::thread> threads;
  // At most two: the narrowing back to unsigned cannot lose anything.
  const auto parallel = static_cast<unsigned>(std::min<std::size_t>(
      work.size(), std::max(1u, std::min(2u, std::thread::hardware_concurrency()))));
  for (unsigned i = 1; i < parallel; ++i) threads.emplace_back(packager);
  packager();
  for (auto& t : threads) t.join();
  if (failure) return *failure;
  return register_packaged();
}

std::vector<std::string> media_library::register_packaged() {
  std::vector<std::string> pool;
  if (!fs::is_directory(keys_)) return pool;
  std::vector<fs::path> records;
  for (const auto& e : fs::directory_iterator(keys_))
    if (e.path().extension() == ".json") records.push_back(e.path());
  std::sort(records.begin(), records.end());
  for (const auto& path : records) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    boost::system::error_code ec;
    const auto doc = bj::parse(ss.str(), ec);
    if (ec || !doc.is_object()) continue;
    const auto& o = doc.as_object();
    media_asset a;
    try {
      a = {std::string(o.at("id").as_string()), std::string(o.at("label").as_string()),
           static_cast<int>(o.at("duration_seconds").to_number<std::int64_t>()),
           files::from_hex(o.at("key").as_string()), o.at("created_at").to_number<std::int64_t>()};
    } catch (const std::exception&) {
      log_.warn("skipping unreadable media record", {{"file", path.string()}});
      continue;
    }
    if (!valid_asset_id(a.id) || a.key.size() != 16 || !fs::exists(hls_ / a.id / "master.m3u8"))
      continue;
    asset_store::save(*db_.acquire(), a);
    if (a.id.starts_with("demo-")) pool.push_back(a.id);
  }
  return pool;
}

result<media_asset> media_library::ingest(const fs::path& source, const std::string& label,
                                          const progress_fn& progress) {
  if (!fs::is_regular_file(source))
    return fail(errc::validation, "No such file: " + source.string() + ".", "no-such-file");
  package_request req;
  req.source = fs::absolute(source);
  req.key = random_.bytes(16);
  std::string suffix = files::to_hex(random_.bytes(5));
  return package_and_register("a-" + suffix, label, req, progress);
}

result<media_job> media_library::new_job(std::int64_t title_id, std::int64_t episode_id) {
  if (!asset_store::target_exists(*db_.acquire(), title_id, episode_id))
    return fail(errc::not_found,
                episode_id ? "No such episode of that title." : "No title with that id.");
  media_job j;
  j.id = files::to_hex(random_.bytes(8));
  j.title_id = title_id;
  j.episode_id = episode_id;
  j.created_at = clock_.now_unix();
  const fs::path uploads = dir_ / "uploads";
  fs::create_directories(uploads);
  j.source = (uploads / (j.id + ".upload")).string();
  return j;
}

result<media_job> media_library::queue(media_job& j) {
  asset_store::create_job(*db_.acquire(), j);
  jobs_changed();
  wake_.notify_all();
  return *asset_store::job(*db_.acquire(), j.id);
}

result<media_job> media_library::enqueue_upload(std::string_view bytes, std::int64_t title_id,
                                                std::int64_t episode_id) {
  KINORA_TRY(j, new_job(title_id, episode_id));
  if (bytes.empty())
    return fail(errc::validation, "Send the video file as the request body.", "empty-upload");
  {
    std::ofstream out(j.source, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return fail(errc::unavailable, "The upload could not be stored.");
  }
  return queue(j);
}

result<media_job> media_library::enqueue_upload(const fs::path& file, std::int64_t title_id,
                                                std::int64_t episode_id) {
  KINORA_TRY(j, new_job(title_id, episode_id));
  std::error_code ec;
  if (fs::file_size(file, ec) == 0 || ec)
    return fail(errc::validation, "Send the video file as the request body.", "empty-upload");
  fs::rename(file, j.source, ec);
  if (ec) {
    log_.error("cannot keep an upload", {{"file", file.string()}, {"error", ec.message()}});
    return fail(errc::unavailable, "The upload could not be stored.");
  }
  return queue(j);
}

void media_library::start_worker() {
  if (worker_.joinable()) return;
  worker_ = std::thread([this] { work(); });
}

void media_library::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void media_library::run_job(const media_job& job) {
  log_.info("media job started", {{"job", job.id}, {"title_id", job.title_id}});
  auto last_report = std::chrono::steady_clock::now();
  auto progress = [&](double fraction) {
    if (std::chrono::steady_clock::now() - last_report > std::chrono::seconds(2)) {
      last_report = std::chrono::steady_clock::now();
      asset_store::report_progress(*db_.acquire(), job.id, static_cast<int>(fraction * 100),
                                   clock_.now_unix());
    }
    std::lock_guard lock(mutex_);
    return !stopping_;
  };
  result<media_asset> asset = fail(errc::internal, "not run");
  try {
    asset = ingest(job.source, "Upload for title " + std::to_string(job.title_id), progress);
    if (asset) asset_store::link(*db_.acquire(), job.title_id, job.episode_id, asset->id);
  } catch (const std::exception& e) {
    asset = fail(errc::internal, std::string("Packaging failed: ") + e.what());
  }
  std::error_code ignored;
  std::filesystem::remove(job.source, ignored);
  if (asset) {
    asset_store::finish_job(*db_.acquire(), job.id, asset->id, std::nullopt, clock_.now_unix());
    log_.info("media job succeeded", {{"job", job.id}, {"asset", asset->id}});
  } else {
    asset_store::finish_job(*db_.acquire(), job.id, std::nullopt, asset.err().detail,
                            clock_.now_unix());
    log_.warn("media job failed", {{"job", job.id}, {"error", asset.err().detail}});
  }
  jobs_changed();
}

void media_library::jobs_changed() {
  if (on_jobs_changed_) on_jobs_changed_();
}

void media_library::work() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
    }
    std::optional<media_job> job;
    try {
      bool abandoned = false;
      {
        auto c = db_.acquire();  // given back before the listener runs
        abandoned = asset_store::fail_abandoned_jobs(*c, clock_.now_unix()) > 0;
        job = asset_store::claim_next_job(*c, clock_.now_unix());
      }
      if (abandoned || job) jobs_changed();
    } catch (const std::exception& e) {
      log_.warn("media job queue unavailable", {{"error", e.what()}});
    }
    if (!job) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::seconds(2));
      continue;
    }
    try {
      run_job(*job);
    } catch (const std::exception& e) {
      // The database went away mid-job; the job is failed as abandoned once it is back.
      log_.error("media job interrupted", {{"job", job->id}, {"error", e.what()}});
    }
  }
}

}  // namespace kinora::media
