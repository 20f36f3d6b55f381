#include "core/periodic_task.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace kinora {
namespace {

using namespace std::chrono_literals;

TEST(periodic_task, runs_at_once_when_asked_and_stop_wakes_the_wait) {
  std::atomic<int> runs = 0;
  std::promise<void> first;
  periodic_task task;
  task.start(1h, periodic_task::first_run::now, [&] {
    if (++runs == 1) first.set_value();
  });
  ASSERT_EQ(first.get_future().wait_for(30s), std::future_status::ready);
  task.stop();  // returns although the next run is an hour away
  EXPECT_EQ(runs, 1);
}

TEST(periodic_task, waits_an_interval_first_otherwise) {
  std::atomic<int> runs = 0;
  {
    periodic_task task;
    task.start(1h, periodic_task::first_run::after_interval, [&] { ++runs; });
  }  // destroyed: stopped before the first interval ends
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace kinora
