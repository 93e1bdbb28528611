#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace meetlat::cli {

namespace {

constexpr auto kRedraw = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

// "27 of 36 MB", "113403 of 941854 rows".
std::string amounts(std::uint64_t done, std::uint64_t total, const std::string& unit) {
  if (unit == "bytes") {
    return std::to_string(done / 1000000) + " of " + std::to_string(total / 1000000) + " MB";
  }
  return std::to_string(done) + " of " + std::to_string(total) + " " + unit;
}

}  // namespace

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressBar::step(std::string label, std::uint64_t done, std::uint64_t total,
                       std::string unit) {
  if (!enabled_) return;
  {
    const std::lock_guard lock(mutex_);
    label_ = std::move(label);
    unit_ = std::move(unit);
    total_ = total;
    done_.store(done, std::memory_order_relaxed);
  }
  draw(true);
}

void ProgressBar::advance(std::uint64_t units) {
  if (!enabled_) return;
  done_.fetch_add(units, std::memory_order_relaxed);
  draw(false);
}

void ProgressBar::set(std::uint64_t done) {
  if (!enabled_) return;
  done_.store(done, std::memory_order_relaxed);
  draw(false);
}

void ProgressBar::draw(bool force) {
  const std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another thread is drawing
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - drawn_ < kRedraw) return;
  drawn_ = now;
  const std::uint64_t done = std::min(done_.load(std::memory_order_relaxed), total_);
  const int percent = total_ == 0 ? 100 : static_cast<int>(done * 100 / total_);
  const int filled = percent * kBarWidth / 100;
  std::string line = "\r\033[K" + label_ + " [" +
                     std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(kBarWidth - filled), '-') + "] " +
                     std::to_string(percent) + "%  " + amounts(done, total_, unit_);
  const double seconds = std::chrono::duration<double>(now - started_).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "  %.1f s", seconds);
  line += elapsed;
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressBar::finish() {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace meetlat::cli
