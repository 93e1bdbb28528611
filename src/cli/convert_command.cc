// `meetlat convert --from PROFILE|FILE.yaml INPUT... --out DIR` (docs/sources.md): a tool's
// exports into meetlat's evidence files, through a built-in profile or one of one's own.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"
#include "io/atomic_write.h"
#include "io/regular_file.h"
#include "sources/builtin_profiles.h"
#include "sources/convert.h"
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

// The profile `from` names: a built-in one by its name, else a YAML file. Prints why not.
std::optional<sources::Profile> profile_from(const std::string& from) {
  std::string yaml;
  std::string file_name;
  if (const auto builtin = sources::builtin_profile_yaml(from)) {
    yaml = std::string(*builtin);
    file_name = from + " (built-in profile)";
  } else if (io::presence(from) == io::Presence::kPresent) {
    yaml = io::read_regular(from);
    file_name = from;
  } else {
    std::cerr << "convert: --from " << from << " is neither a built-in profile (" << builtin_list()
              << ") nor a profile file\n";
    return std::nullopt;
  }
  sources::ProfileLoad loaded = sources::load_profile(yaml, file_name);
  for (const auto& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
  return std::move(loaded.profile);
}

// The files of INPUT...: files as given, folders by their regular files in name order.
std::vector<sources::InputFile> read_inputs(const std::vector<std::string>& inputs) {
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

constexpr std::size_t kShownProblems = 50;

void print_problems(const std::vector<sources::Diagnostic>& problems) {
  for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i) {
    std::cerr << problems[i].to_string() << '\n';
  }
  if (problems.size() > kShownProblems) {
    std::cerr << "... and " << problems.size() - kShownProblems << " more problems\n";
  }
}

int convert(const ConvertArgs& args) {
  const std::optional<sources::Profile> profile = profile_from(args.from);
  if (!profile) return kExitBadInput;
  const std::vector<sources::InputFile> files = read_inputs(args.inputs);
  const sources::Conversion conversion = sources::convert(*profile, files);
  for (const std::string& line : conversion.account) std::cout << line << '\n';
  print_problems(conversion.problems);
  if (!conversion.problems.empty() && !args.skip_invalid) {
    std::cerr << "convert: " << conversion.problems.size()
              << " problems; nothing written (--skip-invalid writes the rows without problems)\n";
    return kExitBadInput;
  }
  if (conversion.files.empty()) {
    std::cerr << "convert: no input of profile " << profile->name
              << " was given; nothing written\n";
    return kExitBadInput;
  }
  fs::create_directories(args.out);
  io::check_folder(args.out);
  for (const sources::EvidenceOutput& file : conversion.files) {
    const fs::path path = fs::path(args.out) / file.file_name;
    io::write_file_atomically(path, file.csv);
    std::cout << "wrote " << path.string() << " (" << file.rows
              << (file.rows == 1 ? " row)\n" : " rows)\n");
  }
  std::cout << "check the folder with: meetlat check-data " << args.out << '\n';
  if (!conversion.problems.empty()) {
    std::cout << conversion.problems.size()
              << " problems left rows out of what was written (listed above)\n";
  }
  return kExitOk;
}

}  // namespace

int run_convert(const ConvertArgs& args) {
  return run_reporting_errors("convert", [&args] { return convert(args); });
}

}  // namespace meetlat::cli
