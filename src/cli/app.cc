// The command line: every command, option and check of `meetlat`, declared with CLI11. This is
// the only file that includes CLI/CLI.hpp (compiling it takes seconds); the commands' own files
// receive plain structs (commands.h).
#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <new>
#include <string>

#include "cli/commands.h"
#include "cli/version.h"

namespace meetlat::cli {

namespace {

// Every option of every command. CLI11 writes into it while it parses, and the callback of the
// command given reads it afterwards: it must outlive the CLI::App that points into it.
struct Options {
  std::string check_file;
  bool show_default = false;
  std::string show_file;
  int holidays_year = 0;
  std::string holidays_file;
  DeadlineArgs deadline;
  EvaluateArgs evaluate;
  ReportArgs report;
  GenerateArgs generate;
  ActionsArgs actions;
  ActionDoneArgs action_done;
  InitArgs init;
  ImportArgs import;
  AuditArgs audit;
  ContractApplyArgs apply;
  CloseArgs close;
  ReopenArgs reopen;
  ExportArgs exit_export;
  ExemptArgs exempt;
  DecideArgs approve;
  DecideArgs reject;
  std::string exemptions_workspace;
  ConvertArgs convert;
  CheckDataArgs check_data;
};

void add_workspace_option(CLI::App& cmd, std::string& workspace) {
  cmd.add_option("--workspace", workspace,
                 "The workspace folder (meetlat init); default: the current folder when it is "
                 "one");
}

void add_input_options(CLI::App& cmd, InputArgs& args) {
  cmd.add_option("--data", args.data,
                 "Folder of evidence CSV files (tickets.csv, ...), instead of a workspace");
  add_workspace_option(cmd, args.workspace);
  cmd.add_option("--contract", args.contract,
                 "Contract file (YAML); default: the built-in default contract");
  cmd.add_option("--as-of", args.as_of,
                 "The moment of evaluation (ISO 8601; without offset: contract zone); default "
                 "now");
  cmd.add_flag("--skip-invalid", args.skip_invalid,
               "Leave invalid rows out (counted in warnings) instead of refusing");
}

void add_contract_commands(CLI::App& app, Options& o, int& exit_code) {
  auto* group = app.add_subcommand("contract", "Check, show and (in a workspace) amend contracts");
  group->require_subcommand(1);

  auto* check =
      group->add_subcommand("check", "Validate a contract file; errors name line and column");
  check->add_option("FILE", o.check_file, "The contract file (YAML)")->required();
  check->callback([&o, &exit_code] { exit_code = run_contract_check(o.check_file); });

  auto* show = group->add_subcommand("show",
                                     "Print the default contract as shipped (YAML, to start from), "
                                     "or a summary of a contract file");
  auto* default_flag =
      show->add_flag("--default", o.show_default, "Print the built-in default contract (YAML)");
  show->add_option("--contract", o.show_file, "Summarise this contract file as the engine reads it")
      ->excludes(default_flag);
  show->callback([&o, &exit_code] { exit_code = run_contract_show(o.show_default, o.show_file); });

  auto* apply = group->add_subcommand(
      "apply", "Store an amendment in the workspace as the contract version from a month on");
  apply
      ->add_option("FILE", o.apply.file,
                   "The amendment (YAML: note, parameters, kpis, remove_kpis)")
      ->required();
  apply->add_option("--effective-from", o.apply.effective_from, "The first month it applies to")
      ->required();
  add_workspace_option(*apply, o.apply.workspace);
  apply->callback([&o, &exit_code] { exit_code = run_contract_apply(o.apply); });
}

void add_calendar_commands(CLI::App& app, Options& o, int& exit_code) {
  auto* group =
      app.add_subcommand("calendar", "Holidays and deadlines on the contract's calendars");
  group->require_subcommand(1);

  auto* holidays = group->add_subcommand("holidays",
                                         "Print the contract's holidays of a year, one "
                                         "'YYYY-MM-DD name' a line");
  holidays->add_option("--year", o.holidays_year, "The year, e.g. 2026")
      ->required()
      ->check(CLI::Range(1900, 2199));
  holidays->add_option("--contract", o.holidays_file,
                       "Contract file (default: the built-in default contract)");
  holidays->callback(
      [&o, &exit_code] { exit_code = run_calendar_holidays(o.holidays_year, o.holidays_file); });

  auto* deadline = group->add_subcommand(
      "deadline", "Print the deadline (ISO 8601 with offset) of 'within D of T on calendar C'");
  DeadlineArgs& d = o.deadline;
  deadline
      ->add_option("--from", d.from,
                   "Start time stamp T, e.g. 2026-10-05T17:30 (contract zone) "
                   "or with an offset")
      ->required();
  deadline
      ->add_option(
          "--within", d.within,
          "Duration D: 15m, 8h, 1h30m (whole units; only seconds take a fraction), 10d; on "
          "working_days 10d means 10 working days")
      ->required();
  // Not required by CLI11: without it (or with an unknown name) the command lists the calendars
  // of the contract in use, which the help text cannot know.
  deadline->add_option("--on", d.on,
                       "Calendar C of the contract (the default contract's: 24x7, office_hours, "
                       "peak_hours, working_days); leave it out to list the contract's calendars");
  deadline->add_option("--contract", d.contract_file,
                       "Contract file (default: the built-in default contract)");
  deadline->callback([&d, &exit_code] { exit_code = run_calendar_deadline(d); });
}

void add_evaluate_command(CLI::App& app, EvaluateArgs& args, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Evaluate every KPI of the contract over a period from a folder of evidence");
  add_input_options(*cmd, args.inputs);
  auto* period =
      cmd->add_option("--period", args.period, "2026-10, 2026-Q4, 2026-H2, 2026 or 2026-W43");
  auto* from = cmd->add_option("--from", args.from,
                               "First month of a history (with --to, instead of --period)");
  auto* to = cmd->add_option("--to", args.to, "Last month of a history");
  from->needs(to)->excludes(period);
  to->needs(from)->excludes(period);
  cmd->add_option("--format", args.format, "json (default) or table")
      ->check(CLI::IsMember({"json", "table"}));
  auto* lang = cmd->add_option("--lang", args.lang, "The table's language: en (default) or nl")
                   ->check(CLI::IsMember({"en", "nl"}));
  auto* failing = cmd->add_flag("--failing", args.failing,
                                "List the failing records under each objective of the table");
  auto* limit = cmd->add_option("--list-limit", args.list_limit,
                                "At most N record ids per list in the table, then how many more "
                                "(default 20; 0 lists all)")
                    ->check(CLI::Range(0, 1000000));
  cmd->callback([period, from, lang, failing, limit, &args, &exit_code] {
    if (period->count() == 0 && from->count() == 0) {
      std::cerr << "evaluate: give --period, or --from and --to\n";
      exit_code = kExitUsage;
      return;
    }
    args.table_options_given = lang->count() + failing->count() + limit->count() > 0;
    if (args.table_options_given && args.format != "table") {
      std::cerr << "evaluate: --lang, --failing and --list-limit shape the table; add --format "
                   "table (the JSON always holds every failing id, in English)\n";
      exit_code = kExitUsage;
      return;
    }
    if (from->count() > 0 && failing->count() + limit->count() > 0) {
      std::cerr << "evaluate: --failing and --list-limit list the records of one period: give "
                   "--period instead of --from and --to\n";
      exit_code = kExitUsage;
      return;
    }
    exit_code = run_evaluate(args);
  });
}

void add_report_command(CLI::App& app, ReportArgs& args, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write the monthly report (HTML, XLSX or PDF) or the quarterly review (HTML or PDF)");
  add_input_options(*cmd, args.inputs);
  cmd->add_option(
         "--period", args.period,
         "A month for the monthly report (2026-10), a quarter for the quarterly review (2026-Q4)")
      ->required();
  cmd->add_option("--lang", args.lang, "nl (default) or en")->check(CLI::IsMember({"nl", "en"}));
  cmd->add_option("--format", args.format,
                  "html (default, one self-contained file), xlsx, or pdf (printed by Chromium)")
      ->check(CLI::IsMember({"html", "xlsx", "pdf"}));
  cmd->add_option("--out", args.out, "The file to write (replaced atomically)")->required();
  cmd->callback([&args, &exit_code] { exit_code = run_report(args); });
}

void add_generate_command(CLI::App& app, GenerateArgs& args, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "generate",
      "Write realistic synthetic evidence for the default contract (every evidence file), "
      "deterministic for a seed");
  auto& o = args.options;
  cmd->add_option("--out", args.out, "Folder to write the CSV files into (created if missing)")
      ->required();
  cmd->add_option("--from", args.from, "First month, YYYY-MM (not before the contract start)")
      ->capture_default_str();
  cmd->add_option("--months", o.months, "Number of months (1-120)")->capture_default_str();
  cmd->add_option("--seed", o.seed, "Seed of the random numbers; same seed, same files")
      ->capture_default_str();
  cmd->add_option(
         "--scale", o.scale,
         "Multiplies the volumes that grow with the service (tickets, transactions, security "
         "findings, trainings)")
      ->capture_default_str();
  cmd->add_option("--tickets-per-month", o.tickets_per_month, "Service-desk tickets a month")
      ->capture_default_str();
  cmd->add_option("--transactions-per-minute", o.transactions_per_minute,
                  "User transactions a minute, averaged over the range (more in office hours)")
      ->capture_default_str();
  cmd->add_option("--probe-locations", o.probe_locations,
                  "Availability probe locations, one probe a minute each")
      ->capture_default_str();
  cmd->add_option("--threads", o.threads,
                  "Threads generating transactions (never changes the output)")
      ->capture_default_str();
  cmd->add_option("--time-stamps", args.time_stamps,
                  "How time stamps are written: mixed (the generator's own), local "
                  "(2026-10-05 09:12:00), local-t, local-ms, offset (+02:00), utc (Z), utc-ms")
      ->capture_default_str();
  cmd->add_option("--durations", args.durations,
                  "Transaction durations in integer or decimal (one tenth) milliseconds")
      ->capture_default_str();
  cmd->add_flag("--quote-text", o.layout.quote_text,
                "Quote every text cell (ids, names, codes, booleans, the header)");
  cmd->add_flag("--crlf", o.layout.crlf, "End lines with CR LF instead of LF");
  cmd->callback([&args, &exit_code] { exit_code = run_generate(args); });
}

void add_actions_command(CLI::App& app, ActionsArgs& args, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "actions",
      "List every action the escalation ladders fired from contract start up to a period");
  add_input_options(*cmd, args.inputs);
  cmd->add_option("--period", args.period, "2026-10, 2026-Q4, 2026-H2, 2026 or 2026-W43")
      ->required();
  cmd->add_option("--format", args.format, "table (default) or csv")
      ->check(CLI::IsMember({"table", "csv"}));
  cmd->add_option("--out", args.out, "Also write the register as CSV (actions.csv) to FILE");
  auto* lang = cmd->add_option("--lang", args.lang, "The table's language: en (default) or nl")
                   ->check(CLI::IsMember({"en", "nl"}));
  cmd->callback([lang, &args, &exit_code] {
    if (lang->count() > 0 && args.format != "table") {
      std::cerr << "actions: --lang is the table's; the CSV is the evidence format, in English\n";
      exit_code = kExitUsage;
      return;
    }
    exit_code = run_actions(args);
  });
}

// `action done ID --on DATE [--evidence TEXT]`.
void add_action_command(CLI::App& app, ActionDoneArgs& args, int& exit_code) {
  auto* action = app.add_subcommand("action", "Work on the workspace's action register");
  action->require_subcommand(1);
  auto* done = action->add_subcommand(
      "done", "Mark a registered action done on a date, with what shows it (workspace)");
  done->add_option("ID", args.id, "The action's id, as `meetlat actions` lists it")->required();
  done->add_option("--on", args.on, "The date it was done (YYYY-MM-DD)")->required();
  done->add_option("--evidence", args.evidence,
                   "What shows it was done: a document, a ticket, minutes");
  add_workspace_option(*done, args.workspace);
  done->callback([&args, &exit_code] { exit_code = run_action_done(args); });
}

// `approve ID --reason TEXT` or `reject ID --reason TEXT`.
void add_decide_command(CLI::App& app, const char* name, DecideArgs& args, bool approve,
                        int& exit_code) {
  auto* decide =
      app.add_subcommand(name, approve ? "Approve a proposed exemption (workspace), with why"
                                       : "Reject a proposed exemption (workspace), with why");
  decide->add_option("ID", args.id, "The exemption's number (meetlat exemptions)")->required();
  decide->add_option("--reason", args.reason, "Why, for the record")->required();
  add_workspace_option(*decide, args.workspace);
  args.approve = approve;
  decide->callback([&args, &exit_code] { exit_code = run_decide(args); });
}

void add_workspace_commands(CLI::App& app, Options& o, int& exit_code) {
  auto* init = app.add_subcommand(
      "init", "Create a workspace: a folder where evidence accumulates, with its contract");
  init->add_option("DIR", o.init.dir, "The workspace folder (created when missing)")->required();
  auto* contract_file =
      init->add_option("--contract", o.init.contract_file,
                       "Contract file (YAML); default: the built-in default contract");
  init->add_option("--from-export", o.init.from_export,
                   "Restore the workspace written by `meetlat export` instead")
      ->excludes(contract_file);
  init->callback([&o, &exit_code] { exit_code = run_init(o.init); });

  auto* import_files = app.add_subcommand(
      "import",
      "Import evidence files (or folders of them) into the workspace: all or nothing; the same "
      "rows again change nothing, changed rows are corrections");
  import_files->add_option("INPUT", o.import.inputs, "Evidence files (tickets.csv, ...) or folders")
      ->required();
  add_workspace_option(*import_files, o.import.workspace);
  import_files->add_flag("--skip-invalid", o.import.skip_invalid,
                         "Import the valid rows and report the invalid ones instead of refusing");
  import_files->add_option("--from", o.import.from,
                           "The INPUTs are a tool's exports: convert them with this profile "
                           "(topdesk, servicenow, ... or a profile file) first");
  import_files->callback([&o, &exit_code] { exit_code = run_import(o.import); });

  auto* close = app.add_subcommand(
      "close", "Freeze a period's result as agreed in the SLM meeting (workspace)");
  close->add_option("PERIOD", o.close.period, "2026-10, 2026-Q4, ...")->required();
  close->add_option("--note", o.close.note, "What was agreed, for the record");
  close->add_option("--as-of", o.close.as_of, "The moment of the result; default now");
  add_workspace_option(*close, o.close.workspace);
  close->callback([&o, &exit_code] { exit_code = run_close(o.close); });

  auto* reopen = app.add_subcommand("reopen", "Reopen a closed period (workspace), with a reason");
  reopen->add_option("PERIOD", o.reopen.period, "The closed period")->required();
  reopen->add_option("--reason", o.reopen.reason, "Why, for the record")->required();
  add_workspace_option(*reopen, o.reopen.workspace);
  reopen->callback([&o, &exit_code] { exit_code = run_reopen(o.reopen); });

  auto* exempt =
      app.add_subcommand("exempt",
                         "Propose exempting records from their objectives (workspace; applies once "
                         "approved)");
  exempt->add_option("--evidence", o.exempt.kind, "The evidence kind of the records: tickets, ...")
      ->required();
  exempt->add_option("RECORD", o.exempt.records, "The records' ids, as failing_ids show them")
      ->required();
  exempt->add_option("--reason", o.exempt.reason, "Why; name the dispute")->required();
  add_workspace_option(*exempt, o.exempt.workspace);
  exempt->callback([&o, &exit_code] { exit_code = run_exempt(o.exempt); });
  add_decide_command(app, "approve", o.approve, true, exit_code);
  add_decide_command(app, "reject", o.reject, false, exit_code);
  auto* exemptions = app.add_subcommand("exemptions", "List the workspace's exemption register");
  add_workspace_option(*exemptions, o.exemptions_workspace);
  exemptions->callback([&o, &exit_code] { exit_code = run_exemptions(o.exemptions_workspace); });

  auto* export_all = app.add_subcommand(
      "export",
      "Write everything in the workspace in open formats (CSV, YAML, JSON), with a "
      "manifest of SHA-256 digests");
  export_all->add_option("--out", o.exit_export.out, "The folder to write (a new one)")->required();
  add_workspace_option(*export_all, o.exit_export.workspace);
  export_all->callback([&o, &exit_code] { exit_code = run_export(o.exit_export); });

  auto* audit = app.add_subcommand("audit", "The workspace's audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Check the hash chain, and the workspace against it; exit 1 on any change");
  add_workspace_option(*verify, o.audit.workspace);
  verify->callback([&o, &exit_code] { exit_code = run_audit_verify(o.audit); });
  auto* export_events =
      audit->add_subcommand("export", "Print every audit event, one a line, for a SIEM");
  add_workspace_option(*export_events, o.audit.workspace);
  export_events->add_option("--format", o.audit.format, "jsonl (default) or syslog (RFC 5424)")
      ->check(CLI::IsMember({"jsonl", "syslog"}));
  export_events->callback([&o, &exit_code] { exit_code = run_audit_export(o.audit); });
}

void add_source_commands(CLI::App& app, Options& o, int& exit_code) {
  auto* convert = app.add_subcommand(
      "convert", "Convert a tool's exports (TOPdesk, ServiceNow, ...) into evidence files");
  convert
      ->add_option(
          "--from", o.convert.from,
          "A built-in profile (topdesk, uptime-kuma, servicenow, jira-sm, prometheus, otlp) "
          "or a profile file (YAML)")
      ->required();
  convert->add_option("INPUT", o.convert.inputs, "Exported files, or folders of them")->required();
  convert->add_option("--out", o.convert.out, "Folder to write the evidence files into")
      ->required();
  convert->add_flag("--skip-invalid", o.convert.skip_invalid,
                    "Write the rows without problems (the others are listed) instead of nothing");
  convert->callback([&o, &exit_code] { exit_code = run_convert(o.convert); });

  auto* check = app.add_subcommand(
      "check-data",
      "List the evidence files of a folder (columns, rows, date range) and every problem");
  check->add_option("DIR", o.check_data.dir, "The folder of evidence files")->required();
  check->add_option("--contract", o.check_data.contract,
                    "Contract file (YAML); default: the built-in default contract");
  check->callback([&o, &exit_code] { exit_code = run_check_data(o.check_data); });
}

// The exit status of a command after its output was flushed: writing stdout may fail (a full
// disk behind a redirection, a closed pipe), and a command whose output was lost did not do its
// work.
int flushed(int exit_code) {
  std::cout.flush();
  if (std::cout) return exit_code;
  std::cerr << "meetlat: cannot write the output: " << std::strerror(errno) << '\n';
  return kExitBadInput;
}

int run_parsed(int argc, char** argv) {
  CLI::App app{"meetlat — measures an IT service contract's KPIs from evidence", "meetlat"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  Options options;
  int exit_code = kExitOk;
  add_contract_commands(app, options, exit_code);
  add_calendar_commands(app, options, exit_code);
  add_evaluate_command(app, options.evaluate, exit_code);
  add_report_command(app, options.report, exit_code);
  add_generate_command(app, options.generate, exit_code);
  add_actions_command(app, options.actions, exit_code);
  add_action_command(app, options.action_done, exit_code);
  add_workspace_commands(app, options, exit_code);
  add_source_commands(app, options, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // Help of a subcommand arrives as CallForHelp from app.exit's point of view; everything else
    // is wrong usage.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace

int run(int argc, char** argv) { return flushed(run_parsed(argc, argv)); }

int report_escaped(const std::exception_ptr& escaped, std::ostream& err) {
  err << "meetlat: error: ";
  try {
    std::rethrow_exception(escaped);
  } catch (const std::bad_alloc&) {
    err << "out of memory";
  } catch (const std::exception& e) {
    err << e.what();
  } catch (...) {
    err << "unknown exception";
  }
  err << '\n';
  std::cout.flush();
  return kExitBadInput;
}

}  // namespace meetlat::cli
