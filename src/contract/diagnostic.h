// A problem found in a contract file, at a 1-based line and column: the loader collects all of
// them so that a user fixes the file in one go.
#pragma once

#include <string>
#include <vector>

namespace meetlat::contract {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem concerns the whole file
  int column = 0;  // 1-based
  std::string message;

  // "file:line:column: message" (or "file: message" without a position).
  std::string to_string() const;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Orders by line, then column, keeping the order of discovery among equals.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace meetlat::contract
