// A progress bar on stderr for long commands (a large import): one line, redrawn in place at
// most ten times a second, showing the step, a bar, the percentage and the amounts, and cleared
// when done. It draws only when stderr is a terminal, so output piped or redirected to a file
// holds no progress lines.
//
// Thread-safe: advance() may be called from several threads (the evidence loader's readers).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace meetlat::cli {

class ProgressBar {
 public:
  // `enabled`: whether to draw at all (the caller's decision: a terminal and enough work).
  explicit ProgressBar(bool enabled);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  // Whether stderr is a terminal.
  static bool stderr_is_terminal();

  // A new step: `label` ("reading transactions.csv"), `total` units of `unit` ("MB", "rows",
  // "segments"; bytes are shown in MB when `unit` is "bytes").
  void step(std::string label, std::uint64_t done, std::uint64_t total, std::string unit);
  // Adds to the step's done units.
  void advance(std::uint64_t units);
  // Sets the step's done units.
  void set(std::uint64_t done);
  // Clears the line.
  void finish();

 private:
  void draw(bool force);

  bool enabled_;
  std::mutex mutex_;
  std::string label_;
  std::string unit_;
  std::atomic<std::uint64_t> done_{0};
  std::uint64_t total_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_;
  bool shown_ = false;
};

}  // namespace meetlat::cli
