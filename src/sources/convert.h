// Applying a profile (profile.h) to a tool's exported files: meetlat's evidence files as CSV text,
// and an account of every row — read, left out by a filter (counted, with the filter), left out
// for a problem (each problem at its file, line and column), written.
//
// Pure: bytes in, text out; the command (cli) reads the files and writes the folder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sources/input_table.h"
#include "sources/profile.h"

namespace meetlat::sources {

struct InputFile {
  std::string name;   // the file's name (its last path component), matched against `match`
  std::string bytes;  // its whole content
};

// Where a written row was read: row `row` of the export Conversion::inputs[input].
struct RowOrigin {
  std::uint32_t input = 0;
  std::uint32_t row = 0;
};

struct EvidenceOutput {
  std::string file_name;  // "tickets.csv"
  std::string csv;        // header and rows, as docs/evidence.md describes
  std::size_t rows = 0;
  // Provenance, to report a problem the evidence loader finds in `csv` at its place in the
  // export (export_position): the header's columns; per header column, the export column it was
  // read from ("" when none: a constant); per row, the byte offset in `csv` where it starts and
  // where it was read.
  std::vector<std::string> header;
  std::vector<std::string> source_columns;
  std::vector<std::size_t> row_offsets;
  std::vector<RowOrigin> origins;
};

struct Conversion {
  std::vector<EvidenceOutput> files;  // in the order of the profile's evidence list
  // The exports read, with where each row and cell stood (their cells are not kept).
  std::vector<InputTable> inputs;
  // Problems that left rows (or whole files) out, in file order.
  std::vector<Diagnostic> problems;
  // What happened to the rows, one line each ("incidents.csv: 14 rows read; 2 left out by the
  // filter 'Soort melding' in [Incident]").
  std::vector<std::string> account;
};

// Converts `files` with `profile`. Each file goes to the input whose `match` pattern its name
// fits (to the only input when the profile has one); a file that fits none is a problem naming
// the patterns.
Conversion convert(const Profile& profile, const std::vector<InputFile>& files);

// Where in the export the problem at `line`:`column` (1-based; line 1 is the header; the column in
// characters) of `file`'s CSV lies: the export row it was read from and, when the column came from
// an export column, that cell; `message` prefixed with the evidence file's name. nullopt for a
// place in no row (the header).
std::optional<Diagnostic> export_position(const Conversion& conversion, const EvidenceOutput& file,
                                          std::uint32_t line, std::uint32_t column,
                                          const std::string& message);

// Whether `name` fits `pattern` (`*` any text, `?` one character; letter case ignored).
bool name_matches(std::string_view pattern, std::string_view name);

}  // namespace meetlat::sources
