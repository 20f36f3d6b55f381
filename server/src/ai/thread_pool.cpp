#include "ai/thread_pool.hpp"

#include <chrono>

namespace kinora::ai {

namespace {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// A forward pass issues a few dozen short loops back to back; a worker that spins
// briefly between them avoids a futex wake-up (tens of microseconds) per loop.
constexpr auto spin_window = std::chrono::microseconds(200);

}  // namespace

thread_pool::thread_pool(std::size_t threads) {
  const std::size_t workers = threads > 1 ? threads - 1 : 0;
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { worker_loop(); });
}

thread_pool::~thread_pool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void thread_pool::drain(job& j) {
  for (;;) {
    const std::size_t i = j.next.fetch_add(1, std::memory_order_relaxed);
    if (i >= j.n) break;
    try {
      (*j.fn)(i);
    } catch (...) {
      std::lock_guard lock(j.error_mutex);
      if (!j.error) j.error = std::current_exception();
    }
    j.done.fetch_add(1, std::memory_order_acq_rel);
  }
}

thread_pool::job* thread_pool::take_job() {
  // Caller holds mutex_. Exhausted jobs leave the queue here, but stay alive until
  // their owner has seen them finish.
  while (!queue_.empty()) {
    job* j = queue_.front();
    if (j->next.load(std::memory_order_relaxed) < j->n) {
      ++j->active_workers;
      return j;
    }
    queue_.pop_front();
    queued_.fetch_sub(1, std::memory_order_relaxed);
  }
  return nullptr;
}

void thread_pool::worker_loop() {
  for (;;) {
    job* j = nullptr;
    {
      std::unique_lock lock(mutex_);
      j = take_job();
      if (j == nullptr) {
        lock.unlock();
        const auto until = std::chrono::steady_clock::now() + spin_window;
        while (queued_.load(std::memory_order_relaxed) == 0 &&
               std::chrono::steady_clock::now() < until) {
          for (int k = 0; k < 64; ++k) cpu_relax();
        }
        lock.lock();
        work_cv_.wait(lock,
                      [this] { return stopping_ || queued_.load(std::memory_order_relaxed) > 0; });
        if (stopping_ && queue_.empty()) return;
        j = take_job();
        if (j == nullptr) continue;
      }
    }
    drain(*j);
    {
      // Under the lock so the owner cannot miss the wake-up between check and wait.
      std::lock_guard lock(mutex_);
      --j->active_workers;
    }
    done_cv_.notify_all();
  }
}

void thread_pool::parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn) {
  if (n == 0) return;
  if (workers_.empty() || n == 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  job j;
  j.fn = &fn;
  j.n = n;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(&j);
    queued_.fetch_add(1, std::memory_order_relaxed);
  }
  work_cv_.notify_all();
  drain(j);
  // Brief spin first: the other indices are usually a few microseconds from done.
  const auto until = std::chrono::steady_clock::now() + spin_window;
  while (j.done.load(std::memory_order_acquire) < n && std::chrono::steady_clock::now() < until)
    cpu_relax();
  {
    // Wait for every worker to let go of the job, then make sure it left the queue
    // (all indices claimed but nobody popped it yet).
    std::unique_lock lock(mutex_);
    done_cv_.wait(
        lock, [&] { return j.done.load(std::memory_order_acquire) >= n && j.active_workers == 0; });
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (*it == &j) {
        queue_.erase(it);
        queued_.fetch_sub(1, std::memory_order_relaxed);
        break;
      }
    }
  }
  if (j.error) std::rethrow_exception(j.error);
}

}  // namespace kinora::ai
