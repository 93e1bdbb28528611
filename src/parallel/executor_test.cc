#include "parallel/executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "parallel/parallel_for.h"

namespace meetlat::parallel {
namespace {

// The distinct threads that ran items, recorded from inside the items.
class Threads {
 public:
  void note() {
    const std::lock_guard lock(mutex_);
    ids_.insert(std::this_thread::get_id());
  }
  std::size_t count() const { return ids_.size(); }

 private:
  std::mutex mutex_;
  std::set<std::thread::id> ids_;
};

// Keeps an item busy long enough for the other threads to come and take items.
void busy() { std::this_thread::sleep_for(std::chrono::microseconds{200}); }

TEST(Executor, NestedLoopsShareTheBoundedPool) {
  // 3 threads: 8 outer items that each run 8 inner items. A thread per loop call would be dozens
  // of threads; the pool never uses more than its 3.
  Executor executor(3);
  Threads threads;
  std::atomic<int> inner_items{0};
  executor.for_each(8, [&](std::size_t) {
    threads.note();
    executor.for_each(8, [&](std::size_t) {
      threads.note();
      busy();
      ++inner_items;
    });
  });
  EXPECT_EQ(inner_items.load(), 64);
  EXPECT_LE(threads.count(), 3u);
  EXPECT_GE(threads.count(), 2u);  // the workers did take part
}

TEST(Executor, ConcurrentCallersAllFinishOnTheSamePool) {
  // Four callers (a server's requests) at once on a pool of 2: every loop completes, and only the
  // pool's one worker runs items beside the callers themselves.
  Executor executor(2);
  Threads threads;
  std::atomic<int> items{0};
  std::vector<std::thread> callers;
  callers.reserve(4);
  for (int c = 0; c < 4; ++c) {
    callers.emplace_back([&] {
      executor.for_each(50, [&](std::size_t) {
        threads.note();
        busy();
        ++items;
      });
    });
  }
  for (auto& c : callers) c.join();
  EXPECT_EQ(items.load(), 200);
  EXPECT_LE(threads.count(), 5u);
}

TEST(Executor, ParallelForRunsOnTheInstalledExecutor) {
  Executor one(1);
  Threads threads;
  {
    const ScopedExecutor use(&one);
    EXPECT_EQ(&current_executor(), &one);
    parallel_for(100, [&](std::size_t) {
      threads.note();
      busy();
    });
  }
  EXPECT_EQ(threads.count(), 1u);  // the caller alone
  EXPECT_EQ(&current_executor(), &Executor::shared());
}

TEST(Executor, AnExceptionStopsTheItemsNotYetStarted) {
  // On one thread the items run in order: item 7 throws, items 8.. never start.
  Executor one(1);
  int done = 0;
  EXPECT_THROW(one.for_each(100,
                            [&](std::size_t i) {
                              if (i == 7) throw std::runtime_error("item 7");
                              ++done;
                            }),
               std::runtime_error);
  EXPECT_EQ(done, 7);
  // On several threads the first error still reaches the caller, and the pool stays usable.
  Executor three(3);
  EXPECT_THROW(three.for_each(100,
                              [&](std::size_t i) {
                                if (i % 10 == 3) throw std::runtime_error("item");
                              }),
               std::runtime_error);
  std::atomic<int> after{0};
  three.for_each(10, [&](std::size_t) { ++after; });
  EXPECT_EQ(after.load(), 10);
}

}  // namespace
}  // namespace meetlat::parallel
