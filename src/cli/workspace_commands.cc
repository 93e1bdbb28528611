// The workspace commands (docs/workspace.md): `init DIR [--contract FILE]`,
// `init DIR --from-export EXPORT`, `import FILE... | DIR [--skip-invalid]`,
// `contract apply FILE --effective-from M`, `export --out DIR`, `audit verify`,
// `audit export --format jsonl|syslog`.
// `evaluate` and `actions` read a workspace through inputs.cc.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <regex>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "cli/export_inputs.h"
#include "cli/inputs.h"
#include "cli/progress_bar.h"
#include "contract/default_contract.h"
#include "contract/loader.h"
#include "engine/engine.h"
#include "evidence/load.h"
#include "io/regular_file.h"
#include "sources/convert.h"
#include "store/canonical_rows.h"
#include "store/exit_export.h"
#include "store/workspace.h"
#include "text/did_you_mean.h"
#include "time/period.h"

namespace meetlat::cli {
namespace {

// Imports of at least this many bytes show a progress bar on a terminal.
constexpr std::uint64_t kProgressBytes = 16'000'000;

int restore(const InitArgs& args) {
  const auto versions = store::read_export_contracts(args.from_export);
  std::vector<contract::AmendmentText> amendments;
  for (std::size_t i = 1; i < versions.size(); ++i) {
    amendments.push_back(
        {versions[i].yaml,
         args.from_export + " (contract version " + std::to_string(versions[i].version) + ")",
         versions[i].effective_from});
  }
  contract::LoadResult loaded = contract::load_contract(
      versions.front().yaml, args.from_export + " (contract version 1)", amendments);
  for (const contract::Diagnostic& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
  if (!loaded.contract) return kExitBadInput;
  const time::Zone zone = time::Zone::load(loaded.contract->timezone);
  const evidence::LoadOptions options = engine::checking_options(*loaded.contract, zone);
  store::Workspace workspace =
      store::Workspace::restore(args.dir, args.from_export, options, os_user());
  const store::AuditCheck check = workspace.verify_audit();
  std::cout << "workspace " << workspace.dir().string() << " restored from " << args.from_export
            << ": " << check.events << " audit events (the last the restore), the chain "
            << (check.ok() ? "intact" : "BROKEN") << "\n";
  return check.ok() ? kExitOk : kExitBadInput;
}

int init(const InitArgs& args) {
  if (!args.from_export.empty()) return restore(args);
  std::string yaml(contract::default_contract_yaml());
  if (!args.contract_file.empty()) {
    if (!contract_from(args.contract_file)) return kExitBadInput;  // diagnostics printed
    yaml = io::read_regular(args.contract_file);
  }
  const store::Workspace workspace = store::Workspace::create(args.dir, yaml, os_user());
  std::cout << "workspace " << workspace.dir().string() << " created with the "
            << (args.contract_file.empty() ? std::string("built-in default contract")
                                           : "contract of " + args.contract_file)
            << "\n";
  return kExitOk;
}

// The evidence file a path names by its file name, or nullptr after printing why it is none.
const evidence::FileSchema* schema_of(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  std::vector<std::string_view> known;
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    if (schema.file_name == name) return &schema;
    known.push_back(schema.file_name);
  }
  std::cerr << path.string() << ": not an evidence file name; evidence files are named "
            << "tickets.csv, outages.csv, ... (docs/evidence.md)";
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (const auto guess = text::did_you_mean(lower, known))
    std::cerr << "; did you mean " << *guess << "?";
  std::cerr << "\n";
  return nullptr;
}

// The evidence files and folders of `args` (checked by name before anything is read), loaded;
// their warnings added to `warnings`. An exit status when they cannot be.
std::optional<int> read_evidence_files(const ImportArgs& args, evidence::LoadOptions& options,
                                       std::vector<store::IncomingFile>& incoming,
                                       std::vector<evidence::Warning>& warnings,
                                       std::optional<ProgressBar>& bar) {
  // Every name is checked before anything is read.
  std::vector<std::pair<std::filesystem::path, const evidence::FileSchema*>> files;
  for (const std::string& input : args.inputs) {
    const std::filesystem::path path(input);
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      const auto found = evidence::check_evidence_folder(path);
      warnings.insert(warnings.end(), found.begin(), found.end());
      for (const evidence::FileSchema& schema : evidence::all_schemas()) {
        const auto file = path / std::string(schema.file_name);
        if (io::presence(file) == io::Presence::kPresent) files.emplace_back(file, &schema);
      }
      continue;
    }
    const evidence::FileSchema* schema = schema_of(path);
    if (schema == nullptr) return kExitBadInput;
    files.emplace_back(path, schema);
  }
  // A progress bar on a terminal when there is much to read.
  std::uint64_t total_bytes = 0;
  for (const auto& [path, schema] : files) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error) total_bytes += size;
  }
  bar.emplace(ProgressBar::stderr_is_terminal() && total_bytes >= kProgressBytes);
  std::uint64_t bytes_before = 0;  // of the files before this one
  for (const auto& [path, schema] : files) {
    bar->step("import: reading " + path.filename().string(), bytes_before, total_bytes, "bytes");
    options.on_bytes_read = [&bar](std::size_t bytes) { bar->advance(bytes); };
    evidence::FileLoad load = evidence::load_evidence_file(*schema, path, options);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    bytes_before += error ? 0 : size;
    warnings.insert(warnings.end(), load.warnings.begin(), load.warnings.end());
    incoming.push_back({path.string(), schema, std::move(load)});
  }
  return std::nullopt;
}

// The exports of `args` converted by the --from profile (docs/sources.md) and loaded as evidence:
// a problem the loader finds in a converted row is reported at the export's row and cell it came
// from, and so is the first row of a warning (added to `warnings`). An exit status when nothing is
// to be imported (problems without --skip-invalid).
std::optional<int> read_converted_exports(const ImportArgs& args,
                                          const evidence::LoadOptions& options,
                                          std::vector<store::IncomingFile>& incoming,
                                          std::vector<evidence::Warning>& warnings) {
  const std::optional<sources::Profile> profile = profile_from("import", args.from);
  if (!profile) return kExitBadInput;
  const sources::Conversion conversion = sources::convert(*profile, read_exports(args.inputs));
  for (const std::string& line : conversion.account) std::cout << "convert: " << line << '\n';
  print_problems(conversion.problems);
  if (!conversion.problems.empty() && !args.skip_invalid) {
    std::cerr << "import refused: nothing was imported; fix the exports' rows above, or run with "
                 "--skip-invalid to import the rows without problems\n";
    return kExitBadInput;
  }
  if (conversion.files.empty()) {
    std::cerr << "import: no input of profile " << profile->name
              << " was given; nothing was imported\n";
    return kExitBadInput;
  }
  for (const sources::EvidenceOutput& file : conversion.files) {
    const evidence::FileSchema* schema = schema_of(file.file_name);
    if (schema == nullptr) return kExitBadInput;
    evidence::FileLoad load = evidence::load_evidence_text(*schema, file.csv, options);
    for (evidence::Diagnostic& d : load.diagnostics) {
      const auto at = sources::export_position(conversion, file, d.at.line, d.at.column, d.message);
      if (!at) continue;
      d.at = evidence::RecordPosition(at->file, static_cast<std::uint32_t>(at->line),
                                      static_cast<std::uint32_t>(at->column));
      d.message = at->message;
      // A duplicate names the row it repeats by its line in the converted file: name the
      // export's instead.
      static const std::regex kFirstOnLine(R"(\(first on line (\d+)\))");
      std::smatch found;
      if (std::regex_search(d.message, found, kFirstOnLine)) {
        const auto first = sources::export_position(
            conversion, file, static_cast<std::uint32_t>(std::stoul(found[1].str())), 1, "");
        if (first && first->line > 0) {
          d.message = found.prefix().str() + "(first at " + first->file + ":" +
                      std::to_string(first->line) + ")" + found.suffix().str();
        }
      }
    }
    for (evidence::Warning& w : load.warnings) {
      const auto at = sources::export_position(conversion, file, w.first.line, w.first.column, "");
      if (at && at->line > 0) {
        w.first = evidence::RecordPosition(at->file, static_cast<std::uint32_t>(at->line),
                                           static_cast<std::uint32_t>(at->column));
      }
      warnings.push_back(w);
    }
    incoming.push_back(
        {file.file_name + " (converted by " + profile->name + ")", schema, std::move(load)});
  }
  if (!conversion.problems.empty()) {
    std::cerr << conversion.problems.size()
              << " problems left rows of the exports out of the import (listed above)\n";
  }
  return std::nullopt;
}

int import_files(const ImportArgs& args) {
  const auto dir = workspace_folder("import", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const auto contract = workspace_contract(workspace);
  if (!contract) return kExitBadInput;
  const time::Zone zone = time::Zone::load(contract->timezone);
  evidence::LoadOptions options = engine::checking_options(*contract, zone);
  options.skip_invalid = args.skip_invalid;
  // The kinds kept per month are encoded as columns as they are read, without a table. The first
  // thread of a large file takes over the second's rows once its own are read, encoding them
  // again after its own (store::CanonicalRowsSink::follow). On the reference month's transactions
  // (bench/workspace.sh), reading 0.43 of the file the first thread spends 2.4 s of CPU on its
  // part and 1.0-1.2 s following; the second 3.7-3.9 s on the rest: both end together.
  options.first_part_share = 0.43;
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    if (!store::is_partitioned(schema.kind)) continue;
    options.sinks.emplace(schema.kind,
                          [&zone] { return std::make_shared<store::CanonicalRowsSink>(zone); });
  }

  std::vector<store::IncomingFile> incoming;
  std::vector<evidence::Warning> warnings;
  std::optional<ProgressBar> bar;
  const std::optional<int> unread =
      args.from.empty() ? read_evidence_files(args, options, incoming, warnings, bar)
                        : read_converted_exports(args, options, incoming, warnings);
  if (unread) return *unread;
  if (!bar) bar.emplace(false);
  std::string step;
  const store::ImportProgress progress = [&bar, &step](std::string_view now, std::uint64_t done,
                                                       std::uint64_t total) {
    if (now != step) {
      step = now;
      bar->step("import: " + step, done, total, now == "preparing rows" ? "rows" : "segments");
    } else {
      bar->set(done);
    }
  };
  const store::ImportResult result =
      workspace.import_files(std::move(incoming), args.skip_invalid, zone, os_user(), progress);
  bar->finish();
  if (result.refused) {
    std::cerr << evidence::summarize_diagnostics(result.diagnostics);
    std::cerr << "import refused: nothing was imported; fix the rows above, or run with "
                 "--skip-invalid to import the valid rows and leave these out\n";
    return kExitBadInput;
  }
  if (!result.diagnostics.empty()) {
    std::cerr << "rejected rows:\n" << evidence::summarize_diagnostics(result.diagnostics);
  }
  for (const evidence::Warning& w : warnings) std::cerr << "warning: " << w.to_string() << '\n';
  for (const store::FileCounts& f : result.files) {
    std::cout << f.name << ": " << f.accepted << " accepted, " << f.unchanged << " unchanged, "
              << f.corrected << " corrected, " << f.rejected << " rejected\n";
  }
  std::cout << "import " << result.import_id << " into " << workspace.dir().string()
            << " (audit event " << result.event_seq << ")\n";
  return kExitOk;
}

int contract_apply(const ContractApplyArgs& args) {
  const auto month = time::parse_period(args.effective_from);
  if (!month || month->cadence != time::Cadence::kMonth) {
    std::cerr << "--effective-from: '" << args.effective_from << "' is not a month (2027-01)\n";
    return kExitUsage;
  }
  const auto dir = workspace_folder("contract apply", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  for (const store::Closing& c : workspace.closings()) {
    const auto closed = time::parse_period(c.period);
    if (workspace.closed(c.period) && closed && closed->end_day > month->first_day) {
      std::cerr << "contract apply: " << c.period << " is closed as agreed, and an amendment "
                << "from " << args.effective_from << " would change it; reopen it first, or "
                << "apply the amendment from a later month\n";
      return kExitBadInput;
    }
  }
  const contract::AmendmentText amendment{io::read_regular(args.file), args.file,
                                          args.effective_from};
  if (!workspace_contract(workspace, &amendment)) {
    std::cerr << "contract apply: " << args.file << " was not applied\n";
    return kExitBadInput;
  }
  const store::ContractVersion version =
      workspace.apply_amendment(amendment.yaml, args.effective_from, os_user());
  std::cout << "contract version " << version.version << " (" << args.file << ") applies from "
            << args.effective_from << "; periods before it keep the "
            << "version they had\n";
  return kExitOk;
}

int export_workspace(const ExportArgs& args) {
  const auto dir = workspace_folder("export", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  workspace.write_export(args.out);
  std::cout << "exported " << workspace.dir().string() << " to " << args.out
            << " (manifest.json lists every file with its SHA-256)\n";
  return kExitOk;
}

int audit_verify(const AuditArgs& args) {
  const auto dir = workspace_folder("audit", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const store::AuditCheck check = workspace.verify_audit();
  if (!check.ok()) {
    for (const std::string& problem : check.problems) std::cerr << problem << '\n';
    std::cerr << "audit verify: " << check.problems.size()
              << (check.problems.size() == 1 ? " problem" : " problems") << " in "
              << workspace.dir().string() << ": it was changed outside meetlat\n";
    return kExitBadInput;
  }
  std::cout << "audit verify: " << check.events << " events, the chain is intact and the "
            << "workspace matches it (head " << check.head << ")\n";
  return kExitOk;
}

int audit_export(const AuditArgs& args) {
  const auto dir = workspace_folder("audit", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const auto events = workspace.audit_events();
  if (args.format == "syslog") {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    std::cout << store::audit_syslog(events, host);
  } else {
    std::cout << store::audit_jsonl(events);
  }
  return kExitOk;
}

}  // namespace

int run_init(const InitArgs& args) {
  return run_reporting_errors("init", [&] { return init(args); });
}
int run_import(const ImportArgs& args) {
  return run_reporting_errors("import", [&] { return import_files(args); });
}
int run_contract_apply(const ContractApplyArgs& args) {
  return run_reporting_errors("contract apply", [&] { return contract_apply(args); });
}
int run_export(const ExportArgs& args) {
  return run_reporting_errors("export", [&] { return export_workspace(args); });
}
int run_audit_verify(const AuditArgs& args) {
  return run_reporting_errors("audit verify", [&] { return audit_verify(args); });
}
int run_audit_export(const AuditArgs& args) {
  return run_reporting_errors("audit export", [&] { return audit_export(args); });
}

}  // namespace meetlat::cli
