// Fuzzes the conversion of a tool's export with a built-in profile: sources::convert
// (sources/convert.h) with every built-in profile (sources/builtin_profiles.h).
//
// Input: the first byte picks the profile and its input (modulo their number), the rest is the
// exported file's bytes, named so that the input's pattern matches it. convert.h promises
// problems as values, never a crash; and what it writes is meetlat's evidence CSV, so every file
// it returns must read back (evidence::load_evidence_text under the default contract's options)
// without a CSV syntax problem: the writer quotes whatever a cell holds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "contract/default_contract.h"
#include "evidence/load.h"
#include "evidence/schema.h"
#include "fuzz/check.h"
#include "sources/builtin_profiles.h"
#include "sources/convert.h"
#include "sources/profile_loader.h"
#include "time/zone.h"

namespace {

namespace sources = meetlat::sources;
namespace evidence = meetlat::evidence;
using meetlat::fuzz::check;

struct Target {
  const sources::Profile* profile;
  std::string file_name;  // a name the input's first pattern matches
};

const std::vector<sources::Profile>& profiles() {
  static const std::vector<sources::Profile> all = [] {
    std::vector<sources::Profile> out;
    for (const std::string_view name : sources::builtin_profile_names()) {
      out.push_back(*sources::load_profile(*sources::builtin_profile_yaml(name), name).profile);
    }
    return out;
  }();
  return all;
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = [] {
    std::vector<Target> out;
    for (const sources::Profile& profile : profiles()) {
      for (const sources::Input& input : profile.inputs) {
        std::string name = input.match.front();
        for (char& c : name) {
          if (c == '*' || c == '?') c = 'x';
        }
        out.push_back({&profile, name});
      }
    }
    return out;
  }();
  return all;
}

const meetlat::time::Zone& amsterdam() {
  static const meetlat::time::Zone zone = meetlat::time::Zone::load("Europe/Amsterdam");
  return zone;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Target& target = targets()[data[0] % targets().size()];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const sources::Conversion conversion =
      sources::convert(*target.profile, {{target.file_name, bytes}});
  const evidence::LoadOptions options{amsterdam()};
  for (const sources::EvidenceOutput& file : conversion.files) {
    const std::string kind = file.file_name.substr(0, file.file_name.find('.'));
    const evidence::FileSchema* schema = evidence::find_schema(kind);
    check(schema != nullptr, "convert writes only evidence files", bytes);
    const evidence::FileLoad load = evidence::load_evidence_text(*schema, file.csv, options);
    for (const evidence::Diagnostic& d : load.diagnostics) {
      check(d.kind != evidence::DiagnosticKind::kMalformedCsv,
            "what convert writes reads back as CSV: " + d.to_string() + "\n" + file.csv, bytes);
    }
  }
  return 0;
}
