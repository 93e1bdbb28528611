#include "evidence/diagnostic.h"

#include <array>

namespace meetlat::evidence {

std::string_view diagnostic_kind_name(DiagnosticKind kind) {
  switch (kind) {
    case DiagnosticKind::kMalformedCsv:
      return "malformed CSV";
    case DiagnosticKind::kMissingColumn:
      return "missing column";
    case DiagnosticKind::kDuplicateColumn:
      return "duplicate column";
    case DiagnosticKind::kMissingCell:
      return "missing required cell";
    case DiagnosticKind::kBadTimestamp:
      return "bad time stamp";
    case DiagnosticKind::kBadDate:
      return "bad date";
    case DiagnosticKind::kBadNumber:
      return "bad number";
    case DiagnosticKind::kBadBool:
      return "bad boolean";
    case DiagnosticKind::kBadRatio:
      return "bad ratio";
    case DiagnosticKind::kRatioOutOfRange:
      return "ratio out of range";
    case DiagnosticKind::kNegativeValue:
      return "negative value";
    case DiagnosticKind::kUnknownPriority:
      return "unknown priority";
    case DiagnosticKind::kUnknownSeverity:
      return "unknown severity";
    case DiagnosticKind::kDuplicateId:
      return "duplicate id";
    case DiagnosticKind::kEndBeforeStart:
      return "end before start";
    case DiagnosticKind::kUnknownKind:
      return "unknown evidence kind";
    case DiagnosticKind::kNotUtf8:
      return "not UTF-8";
    case DiagnosticKind::kOutOfRange:
      return "out of range";
    case DiagnosticKind::kNotWhole:
      return "not a whole number";
    case DiagnosticKind::kPartAboveWhole:
      return "part above whole";
    case DiagnosticKind::kBadPeriod:
      return "bad period";
  }
  return "?";
}

std::string RecordPosition::to_string() const {
  if (in_text()) return source + ":" + std::to_string(line) + ":" + std::to_string(column);
  return field.empty() ? record_string() : record_string() + ", field " + field;
}

std::string RecordPosition::record_string() const {
  if (in_text()) return source + ":" + std::to_string(line);
  return source + ", " + record;
}

std::string Diagnostic::to_string() const { return at.to_string() + ": " + message; }

std::string Warning::to_string() const {
  if (kind == WarningKind::kUnrecognisedFile) {
    return first.source + ": not an evidence file, ignored" +
           (suggestion.empty() ? std::string(" (docs/evidence.md lists the file names)")
                               : "; did you mean " + suggestion + "?");
  }
  std::string text = first.record_string() + ": " + std::to_string(count) +
                     (count == 1 ? " local time" : " local times");
  if (kind == WarningKind::kRepeatedLocalTime) {
    return text + " in the hour repeated on " + date + " " + (count == 1 ? "was" : "were") +
           " read as the earlier instant";
  }
  return text + " in the hour skipped on " + date + " " + (count == 1 ? "was" : "were") +
         " moved forward by the gap";
}

std::string SkippedRows::to_string() const {
  std::string text =
      "left out " + std::to_string(rows) + (rows == 1 ? " row of " : " rows of ") + file + ":";
  const char* separator = " ";
  for (const auto& [kind, count] : reasons) {
    text += separator + std::to_string(count) + " " + std::string(diagnostic_kind_name(kind));
    separator = ", ";
  }
  return text;
}

std::string summarize_diagnostics(const std::vector<Diagnostic>& diagnostics, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < diagnostics.size() && i < limit; ++i) {
    text += diagnostics[i].to_string() + "\n";
  }
  if (diagnostics.size() > limit) {
    text += "... and " + std::to_string(diagnostics.size() - limit) + " more\n";
  }
  std::array<std::uint64_t, kDiagnosticKinds> counts{};
  for (const Diagnostic& d : diagnostics) ++counts[static_cast<std::size_t>(d.kind)];
  std::string totals;
  for (std::size_t k = 0; k < kDiagnosticKinds; ++k) {
    if (counts[k] == 0) continue;
    if (!totals.empty()) totals += ", ";
    totals += std::to_string(counts[k]) + " " +
              std::string(diagnostic_kind_name(static_cast<DiagnosticKind>(k)));
  }
  if (!totals.empty()) {
    text += std::to_string(diagnostics.size()) +
            (diagnostics.size() == 1 ? " error: " : " errors: ") + totals + "\n";
  }
  return text;
}

}  // namespace meetlat::evidence
