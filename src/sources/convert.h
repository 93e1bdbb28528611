// Applying a profile (profile.h) to a tool's exported files: meetlat's evidence files as CSV text,
// and an account of every row — read, left out by a filter (counted, with the filter), left out
// for a problem (each problem at its file, line and column), written.
//
// Pure: bytes in, text out; the command (cli) reads the files and writes the folder.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sources/input_table.h"
#include "sources/profile.h"

namespace meetlat::sources {

struct InputFile {
  std::string name;   // the file's name (its last path component), matched against `match`
  std::string bytes;  // its whole content
};

struct EvidenceOutput {
  std::string file_name;  // "tickets.csv"
  std::string csv;        // header and rows, as docs/evidence.md describes
  std::size_t rows = 0;
};

struct Conversion {
  std::vector<EvidenceOutput> files;  // in the order of the profile's evidence list
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

// Whether `name` fits `pattern` (`*` any text, `?` one character; letter case ignored).
bool name_matches(std::string_view pattern, std::string_view name);

}  // namespace meetlat::sources
