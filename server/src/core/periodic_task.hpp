#pragma once
// A background thread that runs one task every so often until stopped: the periodic
// jobs (guide roll-forward, co-watch neighbours) share it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kinora {

class periodic_task {
 public:
  periodic_task() = default;
  periodic_task(const periodic_task&) = delete;
  periodic_task& operator=(const periodic_task&) = delete;
  ~periodic_task() { stop(); }

  enum class first_run { now, after_interval };
  // Runs `task` every `every` (and at once with first_run::now). The task must not
  // throw. A second start() while running does nothing.
  void start(std::chrono::seconds every, first_run first, std::function<void()> task);
  // Wakes the thread and waits for a running task to finish.
  void stop();

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kinora
