// Importing evidence into a workspace: files already read and checked by the evidence loader
// (exactly as an evaluation checks them) are merged into the stored segments, record by record.
//
// - Atomic: everything in one write transaction; a refused or failed import leaves the workspace
//   exactly as it was.
// - Refused when any file has an invalid row, unless `skip_invalid`: then the valid rows go in
//   and the invalid ones are counted as rejected (with the loader's diagnostics to show).
// - Idempotent: a record (evidence/record_id.h) already stored with the same canonical row
//   (canonical_rows.h) is unchanged; importing the same rows again changes no evidence.
// - A record whose id is stored with another row is a correction: it takes the stored record's
//   place, and the row before and after is kept in the corrections log, counted and audited —
//   never a silent overwrite.
// - Audited: an "import" event with the counts per file, the segments written (with digests)
//   and a digest of the corrections.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/diagnostic.h"
#include "evidence/load.h"
#include "evidence/schema.h"
#include "store/backend.h"
#include "time/zone.h"

namespace meetlat::store {

struct IncomingFile {
  std::string name;  // as the user named it: "exports/tickets.csv"
  const evidence::FileSchema* schema = nullptr;
  // Read by the evidence loader: a table of the rows, or, for a kind kept per month, the
  // CanonicalRowsSinks the rows were streamed through (canonical_rows.h; the table then has none).
  evidence::FileLoad load;
};

struct FileCounts {
  std::string name;
  std::string kind;
  std::uint64_t accepted = 0;   // new records
  std::uint64_t unchanged = 0;  // records stored with the same row
  std::uint64_t corrected = 0;  // records stored with another row: a new version
  std::uint64_t rejected = 0;   // invalid rows (only with skip_invalid; else refused)
};

struct ImportResult {
  bool refused = false;                           // nothing was written
  std::vector<evidence::Diagnostic> diagnostics;  // every file's, in file order
  std::vector<FileCounts> files;                  // in the order given
  std::int64_t import_id = 0;
  std::int64_t event_seq = 0;
};

// How far an import is, for a progress bar: `step` ("preparing rows", "storing segments"),
// `done` of `total` units (rows, segments).
using ImportProgress =
    std::function<void(std::string_view step, std::uint64_t done, std::uint64_t total)>;

ImportResult import_evidence(Backend& backend, std::vector<IncomingFile> files, bool skip_invalid,
                             const time::Zone& zone, const std::string& actor,
                             const ImportProgress& progress = {});

}  // namespace meetlat::store
