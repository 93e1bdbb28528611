// `meetlat convert --from PROFILE|FILE.yaml INPUT... --out DIR` (docs/sources.md): a tool's
// exports into meetlat's evidence files, through a built-in profile or one of one's own.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/export_inputs.h"
#include "io/atomic_write.h"
#include "io/regular_file.h"
#include "sources/builtin_profiles.h"
#include "sources/convert.h"
#include "sources/profile_loader.h"

namespace meetlat::cli {
namespace {

namespace fs = std::filesystem;

int convert(const ConvertArgs& args) {
  const std::optional<sources::Profile> profile = profile_from("convert", args.from);
  if (!profile) return kExitBadInput;
  const std::vector<sources::InputFile> files = read_exports(args.inputs);
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
