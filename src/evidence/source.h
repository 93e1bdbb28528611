// Where evidence comes from. An EvidenceSource reads the evidence it holds into an Evidence
// (load.h) for the caller's LoadOptions: the same tables, diagnostics, warnings and left-out
// rows whatever it is made of. Today: a folder of CSV files (FolderSource) and records handed over
// in memory (RecordsSource, records_source.h: an API push, a parsed JSON document); next the
// workspace (a database) and the export profiles of the suppliers' tools.
//
// Every record keeps its position in the source (diagnostic.h, RecordPosition): a CSV cell is a
// file, a line and a column, a pushed value a source, a record and a field. The checks and their
// messages are one code path for all sources (row_converter.h), so a bad value gets the same
// message from each; only the position differs.
//
// Thread safety: a source is read-only after construction; read() and locate() may run
// concurrently on one source.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/diagnostic.h"
#include "evidence/load.h"
#include "evidence/load_options.h"

namespace meetlat::evidence {

class EvidenceSource {
 public:
  virtual ~EvidenceSource() = default;

  // Reads every kind the source holds. A kind it does not hold is absent from the result (its
  // KPIs report no_data). Problems inside the evidence are diagnostics; a source that cannot be
  // read at all throws (EvidenceError for files).
  virtual Evidence read(const LoadOptions& options) const = 0;

  // The positions of `field`'s values in the records of `kind` at `lines` (values of
  // Table::lines() of the Evidence read), in the order of `lines`: for checks made after reading
  // (evaluate::check_exemptions). A record or field that cannot be found is named by its record.
  virtual std::vector<RecordPosition> locate(std::string_view kind, std::string_view field,
                                             std::span<const std::uint32_t> lines) const = 0;

  // Whether the caller goes on without invalid rows (--skip-invalid): copied into
  // LoadOptions::skip_invalid by the engine, which refuses the evidence otherwise.
  bool skip_invalid() const { return skip_invalid_; }

 protected:
  explicit EvidenceSource(bool skip_invalid) : skip_invalid_(skip_invalid) {}
  EvidenceSource(const EvidenceSource&) = default;
  EvidenceSource& operator=(const EvidenceSource&) = default;

 private:
  bool skip_invalid_ = false;
};

// The evidence files in a folder (docs/evidence.md): load_evidence(dir). Reading throws
// EvidenceError (io::FileError) when the folder cannot be read, is not a folder, or holds no
// evidence file.
class FolderSource final : public EvidenceSource {
 public:
  FolderSource() : EvidenceSource(false) {}
  // Not explicit: `{path, skip_invalid}` names a folder source, as the CLI writes it.
  FolderSource(std::filesystem::path dir, bool skip_invalid = false)  // NOLINT
      : EvidenceSource(skip_invalid), path(std::move(dir)) {}

  Evidence read(const LoadOptions& options) const override;
  // Reads the kind's file again; the position of a cell is its first character (for a quoted
  // cell, the opening quote), column 1 when the record has no such cell.
  std::vector<RecordPosition> locate(std::string_view kind, std::string_view field,
                                     std::span<const std::uint32_t> lines) const override;

  std::filesystem::path path;
};

// FolderSource::locate over the CSV `text` of a file shown as `file_name` (header included; empty:
// every position is line and column 1 of `file_name`): for sources that hold CSV text.
std::vector<RecordPosition> locate_in_csv(std::string_view file_name, std::string_view text,
                                          std::string_view field,
                                          std::span<const std::uint32_t> lines);

}  // namespace meetlat::evidence
