// The figures behind a record a result names by id (a failing ticket, an exempted change): the
// cells of its row in the evidence as the evaluation read it, for the report's evidence appendix.
// Only the columns the evaluation kept are there (evaluate/columns_read.h), which are those the
// contract's measures read; records of streamed kinds (transactions) have no row to show.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evidence/table.h"
#include "report/catalogue.h"
#include "time/zone.h"

namespace meetlat::report {

class RecordFacts {
 public:
  // `table` (which must outlive this) indexed by its key, when the key is one id column; else
  // no record is found.
  explicit RecordFacts(const evidence::Table& table);

  // The names of the columns shown: those kept and in the file, the key first.
  const std::vector<std::string_view>& columns() const { return columns_; }
  // The cells of the record `id` in the order of columns(): instants in the contract zone's
  // ISO 8601, numbers with the language's decimal mark, a missing cell as "". nullopt when the
  // table has no such record.
  std::optional<std::vector<std::string>> cells(std::string_view id, const time::Zone& zone,
                                                const Catalogue& words) const;

 private:
  const evidence::Table* table_;
  std::vector<std::string_view> columns_;
  std::vector<evidence::ColumnType> types_;                 // of columns_
  std::unordered_map<std::string_view, std::size_t> rows_;  // by key
};

}  // namespace meetlat::report
