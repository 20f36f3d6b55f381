#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kinora::ai {

// Fixed set of workers for fork-join loops. The calling thread takes part in its own
// loop, so a loop always progresses even while other callers keep the workers busy,
// and any number of threads may call parallel_for at once.
class thread_pool {
 public:
  // `threads` is the total parallelism including the caller (threads - 1 workers).
  explicit thread_pool(std::size_t threads);
  ~thread_pool();

  thread_pool(const thread_pool&) = delete;
  thread_pool& operator=(const thread_pool&) = delete;

  std::size_t size() const noexcept { return workers_.size() + 1; }

  // Calls fn(i) for every i in [0, n) and returns when all calls have finished.
  // The first exception thrown by fn is rethrown here.
  void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn);

 private:
  struct job {
    const std::function<void(std::size_t)>* fn = nullptr;
    std::size_t n = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    int active_workers = 0;  // guarded by thread_pool::mutex_; the job outlives them
    std::mutex error_mutex;
    std::exception_ptr error;
  };

  void worker_loop();
  // Runs indices of `j` until none are left.
  static void drain(job& j);
  job* take_job();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<job*> queue_;
  std::atomic<std::size_t> queued_{0};
  bool stopping_ = false;
};

}  // namespace kinora::ai
