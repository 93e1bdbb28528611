// Loading a data folder of evidence CSV files (spec/evidence-and-kpis.md, "Evidence files"):
// what FolderSource (source.h) reads; callers that may read other sources take an
// EvidenceSource instead.
//
// load_evidence() reads every known file present in `dir` (tickets.csv, ..., export_tests.csv;
// other files are ignored) into a Table. A file that is absent is simply not in the result —
// the KPIs that need it report no_data. A file that exists but cannot be read throws
// EvidenceError naming the path. Everything wrong inside a file is a Diagnostic; invalid rows
// never enter a table. Large files are parsed on two threads; the result is identical to a
// single-threaded read.
//
// Thread safety: load_evidence may run concurrently on different folders; the result is a value.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/diagnostic.h"
#include "evidence/load_options.h"
#include "evidence/table.h"
#include "io/file_error.h"

namespace meetlat::evidence {

// An evidence file that exists but cannot be opened or read, is not a regular file (a FIFO, a
// folder), is a dangling link, or changed while it was read.
using EvidenceError = io::FileError;

// The outcome of reading one file.
struct FileLoad {
  std::optional<Table> table;           // absent when the header lacks a required column
  std::vector<Diagnostic> diagnostics;  // in position order (RecordPosition::line, column)
  std::vector<Warning> warnings;
  std::optional<SkippedRows> skipped;  // set when rows were left out
  // With a sink for the file's kind (LoadOptions::sinks): the sinks that received its valid
  // rows, in file order; the table then has no rows.
  std::vector<std::shared_ptr<RowSink>> sinks;
};

struct Evidence {
  std::map<std::string, Table, std::less<>> tables;  // by kind ("tickets")
  std::vector<Diagnostic> diagnostics;               // every file, schema order, then line order
  std::vector<Warning> warnings;
  std::vector<SkippedRows> skipped;  // one per file with rows left out
  bool skip_invalid = false;         // copied from LoadOptions
  // Per streamed kind (LoadOptions::sinks): the sinks that received its valid rows, in file order.
  // Its table is present (when the file was) and empty.
  std::map<std::string, std::vector<std::shared_ptr<RowSink>>, std::less<>> sinks;

  // Adds what was read of one kind (after the kinds added before: sources add them in schema
  // order).
  void add(std::string_view kind, FileLoad&& load);
  // The table of a kind, or nullptr when its file was absent (or unusable).
  const Table* find(std::string_view kind) const;
  // Whether evaluation may go on: no diagnostics, or skip_invalid.
  bool usable() const { return diagnostics.empty() || skip_invalid; }
  // What to tell a user: without skip_invalid the diagnostics summary (summarize_diagnostics),
  // with it the "left out N rows of FILE: reason" lines; then the warnings, one a line.
  std::string summary(std::size_t limit = 50) const;
};

Evidence load_evidence(const std::filesystem::path& dir, const LoadOptions& options);

// The warnings load_evidence gives for the names in `dir`: one per file that is not an evidence
// file (with the one it may have meant). Throws EvidenceError when `dir` cannot be read or holds
// no evidence file.
std::vector<Warning> check_evidence_folder(const std::filesystem::path& dir);

// Reads the file at `path` as an evidence file of `schema`, whatever the file's own name (the
// diagnostics name it by schema.file_name). Throws EvidenceError as load_evidence does.
FileLoad load_evidence_file(const FileSchema& schema, const std::filesystem::path& path,
                            const LoadOptions& options);

// Reads the CSV text of one file of `schema` (the whole file, BOM and header included). `text`
// is only read during the call.
FileLoad load_evidence_text(const FileSchema& schema, std::string_view text,
                            const LoadOptions& options);

}  // namespace meetlat::evidence
