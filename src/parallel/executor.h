// One bounded pool of threads that every parallel loop of a process shares.
//
// An Executor of N threads runs loops on N − 1 worker threads plus the thread that calls
// for_each(), which works too. Work inside a loop may start another loop (evaluate runs the
// objectives in parallel, and an objective cuts its rows into pieces): the inner loop goes to the
// same workers, so however deep the nesting and however many callers (a server's requests) use
// it at once, no more than N − 1 worker threads exist beside the callers' own.
//
// for_each(n, work) calls work(i) once for every i in [0, n), taking indices in increasing order
// as threads come free, and returns when all have run. The items must not depend on each other
// or on the order they run in. An exception thrown by work() stops the remaining items from
// starting and is rethrown to the caller (the first one, when several throw). A caller never
// waits for a worker that is busy elsewhere: it runs the items itself, and waits only for the
// items workers have already started.
//
// parallel_for(n, work) (parallel_for.h) runs on the executor installed for the calling thread
// (ScopedExecutor), or else on Executor::shared(); a worker's loops run on its own executor.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace meetlat::parallel {

class Executor {
 public:
  // `threads` ≥ 1 counts the caller's thread: Executor(1) runs every loop on the caller.
  explicit Executor(unsigned threads);
  ~Executor();  // lets the workers finish what they started, then joins them
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }
  void for_each(std::size_t n, const std::function<void(std::size_t)>& work);

  // The process's executor: one thread per core (std::thread::hardware_concurrency(), at
  // least 1), created on first use.
  static Executor& shared();

 private:
  void work_loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Installs `executor` for parallel_for() on this thread until destroyed (then the previous one
// is back); nullptr keeps the one in use. The executor must outlive the scope.
class ScopedExecutor {
 public:
  explicit ScopedExecutor(Executor* executor);
  ~ScopedExecutor();
  ScopedExecutor(const ScopedExecutor&) = delete;
  ScopedExecutor& operator=(const ScopedExecutor&) = delete;

 private:
  Executor* previous_;
};

// The executor parallel_for() uses on this thread.
Executor& current_executor();

}  // namespace meetlat::parallel
