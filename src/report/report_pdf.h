// The report's HTML printed as PDF by headless Chromium (Debian's package `chromium`), so paper
// shows what the screen shows (the HTML's print style decides the pages). Chromium runs without a
// shell, with a fresh profile in a temporary folder, no network services of its own and a time
// limit, and the folder is removed afterwards.
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace meetlat::report {

// Chromium is not installed where it was looked for.
class PrinterMissing : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The browser used: $MEETLAT_CHROMIUM when set, else /usr/bin/chromium.
std::filesystem::path chromium_path();

// The PDF of `html` (a self-contained document) as bytes. Throws PrinterMissing when
// chromium_path() is not an executable file, std::runtime_error when Chromium fails, times out
// after `limit` or writes no PDF (its own error output in the message). The default limit leaves
// room for a month with thousands of failing records on a busy machine (the reference month's
// 176 pages take about a minute on two shared cores, docs/reports.md).
std::string print_pdf(std::string_view html,
                      std::chrono::seconds limit = std::chrono::seconds{600});

}  // namespace meetlat::report
