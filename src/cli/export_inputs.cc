#include "cli/export_inputs.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "io/regular_file.h"
#include "sources/builtin_profiles.h"
#include "sources/profile_loader.h"

namespace meetlat::cli {
namespace {

namespace fs = std::filesystem;

std::string builtin_list() {
  std::string out;
  for (std::string_view name : sources::builtin_profile_names()) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

constexpr std::size_t kShownProblems = 50;

}  // namespace

std::optional<sources::Profile> profile_from(const std::string& command, const std::string& from) {
  std::string yaml;
  std::string file_name;
  if (const auto builtin = sources::builtin_profile_yaml(from)) {
    yaml = std::string(*builtin);
    file_name = from + " (built-in profile)";
  } else if (io::presence(from) == io::Presence::kPresent) {
    yaml = io::read_regular(from);
    file_name = from;
  } else {
    std::cerr << command << ": --from " << from << " is neither a built-in profile ("
              << builtin_list() << ") nor a profile file\n";
    return std::nullopt;
  }
  sources::ProfileLoad loaded = sources::load_profile(yaml, file_name);
  for (const auto& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
  return std::move(loaded.profile);
}

std::vector<sources::InputFile> read_exports(const std::vector<std::string>& inputs) {
  std::vector<sources::InputFile> files;
  for (const std::string& input : inputs) {
    std::vector<fs::path> paths;
    if (fs::is_directory(input)) {
      for (const auto& entry : fs::directory_iterator(input)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && !name.starts_with(".")) paths.push_back(entry.path());
      }
      std::sort(paths.begin(), paths.end());
    } else {
      paths.emplace_back(input);
    }
    for (const fs::path& path : paths) {
      files.push_back({path.filename().string(), io::read_regular(path)});
    }
  }
  return files;
}

void print_problems(const std::vector<sources::Diagnostic>& problems) {
  for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i) {
    std::cerr << problems[i].to_string() << '\n';
  }
  if (problems.size() > kShownProblems) {
    std::cerr << "... and " << problems.size() - kShownProblems << " more problems\n";
  }
}

}  // namespace meetlat::cli
