#include "parallel/executor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>

namespace meetlat::parallel {
namespace {

thread_local Executor* installed = nullptr;

// One for_each() call: the items, the next index, the first error, and the workers inside it.
struct Loop {
  std::size_t n = 0;
  const std::function<void(std::size_t)>* work = nullptr;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::condition_variable idle;
  std::exception_ptr first_error;
  int active = 0;       // workers running items of this loop
  bool closed = false;  // the caller has run out of items: late workers must not start

  void run() {
    for (std::size_t i = next++; i < n && !failed; i = next++) {
      try {
        (*work)(i);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  }
};

}  // namespace

Executor::Executor(unsigned threads) {
  const unsigned workers = std::max(1u, threads) - 1;
  workers_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work_loop(); });
}

Executor::~Executor() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
}

void Executor::work_loop() {
  installed = this;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void Executor::for_each(std::size_t n, const std::function<void(std::size_t)>& work) {
  const std::size_t helpers = std::min(workers_.size(), n > 0 ? n - 1 : 0);
  if (helpers == 0) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  auto loop = std::make_shared<Loop>();
  loop->n = n;
  loop->work = &work;
  {
    const std::lock_guard lock(mutex_);
    for (std::size_t h = 0; h < helpers; ++h) {
      jobs_.emplace_back([loop] {
        {
          const std::lock_guard inner(loop->mutex);
          if (loop->closed) return;
          ++loop->active;
        }
        loop->run();
        const std::lock_guard inner(loop->mutex);
        if (--loop->active == 0) loop->idle.notify_all();
      });
    }
  }
  wake_.notify_all();
  loop->run();
  std::unique_lock lock(loop->mutex);
  loop->closed = true;
  loop->idle.wait(lock, [&] { return loop->active == 0; });
  if (loop->first_error) std::rethrow_exception(loop->first_error);
}

Executor& Executor::shared() {
  static Executor executor(std::max(1u, std::thread::hardware_concurrency()));
  return executor;
}

ScopedExecutor::ScopedExecutor(Executor* executor) : previous_(installed) {
  if (executor != nullptr) installed = executor;
}

ScopedExecutor::~ScopedExecutor() { installed = previous_; }

Executor& current_executor() { return installed != nullptr ? *installed : Executor::shared(); }

}  // namespace meetlat::parallel
