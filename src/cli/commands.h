// The commands of `meetlat`, as the command line hands them over. app.cc parses the arguments
// (it is the only file that includes CLI11, a header that takes seconds to compile) into these
// plain structs and calls one function; the command's own file does the work. Each function
// prints its output to stdout and every problem to stderr, and returns the exit status (app.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "sample/generate_options.h"

namespace meetlat::cli {

// `contract check FILE`: "FILE: ok", or every diagnostic; the loader's warnings either way.
int run_contract_check(const std::string& file);

// `contract show [--default] [--contract FILE]`: the built-in default contract as shipped (YAML)
// when `use_default` or no file is given, else a normalised summary of `file`.
int run_contract_show(bool use_default, const std::string& file);

// `calendar holidays --year Y [--contract FILE]`: the contract's closing days of `year`, one
// "YYYY-MM-DD name" a line.
int run_calendar_holidays(int year, const std::string& contract_file);

struct DeadlineArgs {
  std::string from;           // --from T
  std::string within;         // --within D
  std::string on;             // --on C, a calendar of the contract; empty: list them (an error)
  std::string contract_file;  // --contract; empty: the default contract
};
// `calendar deadline`: the deadline of "within D of T on calendar C", ISO 8601 with offset.
int run_calendar_deadline(const DeadlineArgs& args);

struct EvaluateArgs {
  InputArgs inputs;
  std::string period;  // --period; empty for a history
  std::string from;    // --from and --to: a history of months
  std::string to;
  std::string format = "json";  // json or table
  // The table only (docs/output.md): its language, the failing records under each objective,
  // and how many record ids a list shows (0: all).
  std::string lang = "en";  // en or nl
  bool failing = false;
  std::size_t list_limit = 20;
  // Whether --lang, --failing or --list-limit was given (they shape the table, not the JSON).
  bool table_options_given = false;
};
// `evaluate`: one period, or with an empty `period` the history from `from` to `to`.
int run_evaluate(const EvaluateArgs& args);

struct ReportArgs {
  InputArgs inputs;
  std::string period;           // --period, a month
  std::string lang = "nl";      // nl or en
  std::string format = "html";  // html, xlsx or pdf
  std::string out;              // --out FILE, written atomically
};
// `report`: the monthly report of `period` in `lang`, written to `out` (docs/reports.md).
int run_report(const ReportArgs& args);

struct GenerateArgs {
  std::string out;
  std::string from = "2026-01";       // first month, YYYY-MM
  std::string time_stamps = "mixed";  // sample::StampStyle by its option word
  std::string durations = "integer";  // sample::DurationStyle by its option word
  sample::GenerateOptions options;
};
// `generate`: sample evidence into `out`, then a line per file written.
int run_generate(GenerateArgs& args);

struct ActionsArgs {
  InputArgs inputs;
  std::string period;
  std::string format = "table";  // table or csv
  std::string out;               // also write the register as CSV here; empty: do not
  std::string lang = "en";       // the table's language: en or nl
};
// `actions`: the action register from the contract start up to `period`.
int run_actions(const ActionsArgs& args);

struct ActionDoneArgs {
  std::string workspace;
  std::string id;        // "KPI-01/2026-03/verbeterplan"
  std::string on;        // --on DATE
  std::string evidence;  // --evidence TEXT
};
// `action done ID --on DATE [--evidence TEXT]`: marks a registered action done (workspace).
int run_action_done(const ActionDoneArgs& args);

struct InitArgs {
  std::string dir;
  std::string contract_file;  // --contract; empty: the built-in default contract
  std::string from_export;    // --from-export: restore the workspace of `meetlat export`
};
// `init DIR`: a new workspace with the contract (docs/workspace.md).
int run_init(const InitArgs& args);

struct ImportArgs {
  std::string workspace;            // --workspace; empty: the current folder
  std::vector<std::string> inputs;  // evidence files and folders of them (exports with --from)
  std::string from;                 // --from PROFILE|FILE.yaml: convert the exports first
  bool skip_invalid = false;
};
// `import FILE... | DIR`: evidence into the workspace, all or nothing; a line per file with the
// records accepted, unchanged, corrected and rejected. With --from, the files are a tool's exports,
// converted by the profile first (as `convert` does); problems are reported at their place in the
// exports.
int run_import(const ImportArgs& args);

struct ContractApplyArgs {
  std::string workspace;
  std::string file;            // the amendment (YAML)
  std::string effective_from;  // --effective-from, a month
};
// `contract apply FILE --effective-from M`: the amendment as the workspace's next contract
// version, once the contract with it loads.
int run_contract_apply(const ContractApplyArgs& args);

struct CloseArgs {
  std::string workspace;
  std::string period;
  std::string note;
  std::string as_of;  // empty: now
};
// `close P`: the period's result frozen as agreed (agreed_periods.h).
int run_close(const CloseArgs& args);

struct ReopenArgs {
  std::string workspace;
  std::string period;
  std::string reason;
};
// `reopen P --reason TEXT`.
int run_reopen(const ReopenArgs& args);

struct ExportArgs {
  std::string workspace;
  std::string out;
};
// `export --out DIR`: everything in the workspace in open formats (docs/workspace.md, "Exit").
int run_export(const ExportArgs& args);

struct ExemptArgs {
  std::string workspace;
  std::string kind;                  // --evidence
  std::vector<std::string> records;  // RECORD...
  std::string reason;
};
// `exempt --evidence KIND RECORD... --reason TEXT`: a proposal in the exemption register.
int run_exempt(const ExemptArgs& args);

struct DecideArgs {
  std::string workspace;
  std::int64_t id = 0;
  std::string reason;
  bool approve = true;
};
// `approve ID --reason TEXT` and `reject ID --reason TEXT`.
int run_decide(const DecideArgs& args);

// `exemptions`: the register, one exemption a line.
int run_exemptions(const std::string& workspace);

struct AuditArgs {
  std::string workspace;
  std::string format = "jsonl";  // export: jsonl or syslog
};
// `audit verify`: the chain and the workspace against it; exit 1 and every problem when they
// disagree.
int run_audit_verify(const AuditArgs& args);
// `audit export`: every event, one a line, for a SIEM.
int run_audit_export(const AuditArgs& args);

struct ConvertArgs {
  std::string from;                 // --from: a built-in profile's name or a profile file
  std::vector<std::string> inputs;  // INPUT...: exported files, or folders of them
  std::string out;                  // --out DIR
  bool skip_invalid = false;
};
// `convert`: a tool's exports into meetlat's evidence files (docs/sources.md); what happened to
// every row on stdout, every problem on stderr; nothing written when there is a problem unless
// `skip_invalid`.
int run_convert(const ConvertArgs& args);

struct CheckDataArgs {
  std::string dir;
  std::string contract;  // --contract; empty: the default contract
};
// `check-data DIR`: every evidence file recognised, its columns, rows and date range, and every
// problem; exit 1 when there is one.
int run_check_data(const CheckDataArgs& args);

}  // namespace meetlat::cli
