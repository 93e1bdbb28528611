// Evidence handed over as records rather than files: an API push, a JSON or NDJSON document
// already parsed. Per kind ("tickets"), rows of field name -> text; each text is read exactly as
// the CSV cell of the same column would be (docs/evidence.md: formats, empty meaning unknown,
// spaces around trimmed), by the same converter, so a bad value gets the same diagnostic as in a
// CSV file, only with another position: "push 3 (tickets), record 2, field created_at" instead
// of "tickets.csv:3:10".
//
// Fields that are not columns of the kind are ignored, like unknown CSV columns; a field absent
// from a record is an empty cell. An optional column counts as present (Table::in_file) when any
// record of the kind has the field.
//
// Records are numbered per kind from 1 in the order added; the number is what
// RecordPosition::line and Table::lines() hold for them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/source.h"

namespace meetlat::evidence {

class RecordsSource final : public EvidenceSource {
 public:
  using Fields = std::map<std::string, std::string, std::less<>>;

  // `name` names the source in positions ("push 3").
  explicit RecordsSource(std::string name, bool skip_invalid = false);

  // Adds rows of `kind` after those added before. Throws std::invalid_argument when `kind` is not
  // an evidence kind (schema.h).
  void add(std::string_view kind, std::vector<Fields> rows);

  Evidence read(const LoadOptions& options) const override;
  std::vector<RecordPosition> locate(std::string_view kind, std::string_view field,
                                     std::span<const std::uint32_t> lines) const override;

 private:
  std::string name_;
  std::map<std::string, std::vector<Fields>, std::less<>> rows_;  // by kind
};

}  // namespace meetlat::evidence
