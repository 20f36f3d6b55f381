#include "core/periodic_task.hpp"

namespace kinora {

void periodic_task::start(std::chrono::seconds every, first_run first, std::function<void()> task) {
  if (thread_.joinable()) return;
  thread_ = std::thread([this, every, first, task = std::move(task)] {
    std::unique_lock lock(mutex_);
    if (first == first_run::now && !stopping_) {
      lock.unlock();
      task();
      lock.lock();
    }
    while (!wake_.wait_for(lock, every, [this] { return stopping_; })) {
      lock.unlock();
      task();
      lock.lock();
    }
  });
}

void periodic_task::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace kinora
