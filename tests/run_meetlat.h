// Running the real `meetlat` binary from a test: the end-to-end path a user takes, exit status
// and output included. MEETLAT_BINARY is the binary's path (set by tests/CMakeLists.txt).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace meetlat::testing {

struct RunResult {
  int exit_code = -1;  // -1 when the command could not be run or did not exit normally
  std::string out;
  std::string err;
};

// The whole content of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& p);

// A label as the HTML reports write it: `&` as `&amp;` and `'` as `&#39;` (the only characters
// of the catalogue's labels and the KPI titles that are escaped).
std::string escaped(std::string_view text);

// Runs `command` through /bin/sh, capturing its stdout (err stays empty).
RunResult run_shell(const std::string& command);

// The path of the `meetlat` binary under test, for commands run_meetlat cannot express (a pipeline,
// a background process).
std::string meetlat_binary();

// Runs `meetlat <args>` through the shell, capturing stdout, and stderr through a file in
// `scratch` (which must exist).
RunResult run_meetlat(const std::string& args, const std::filesystem::path& scratch);

}  // namespace meetlat::testing
