#pragma once

#include <mutex>
#include <shared_mutex>

namespace kinora::ai {

// Reader/writer lock whose writers cannot be starved. glibc's rwlock prefers readers,
// so under a steady stream of searches an index update could wait forever; here a
// waiting writer holds the gate, which stops new readers until it is through.
// Satisfies SharedMutex, so std::shared_lock / std::unique_lock work with it.
class writer_priority_mutex {
 public:
  void lock() {
    std::lock_guard gate(gate_);
    rw_.lock();
  }
  bool try_lock() {
    std::unique_lock gate(gate_, std::try_to_lock);
    return gate.owns_lock() && rw_.try_lock();
  }
  void unlock() { rw_.unlock(); }

  void lock_shared() {
    std::lock_guard gate(gate_);
    rw_.lock_shared();
  }
  bool try_lock_shared() {
    std::unique_lock gate(gate_, std::try_to_lock);
    return gate.owns_lock() && rw_.try_lock_shared();
  }
  void unlock_shared() { rw_.unlock_shared(); }

 private:
  std::mutex gate_;
  std::shared_mutex rw_;
};

}  // namespace kinora::ai
