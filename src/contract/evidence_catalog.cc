#include "contract/evidence_catalog.h"

#include <vector>

#include "evidence/schema.h"

namespace meetlat::contract {
namespace {

ColumnType catalog_type(const evidence::ColumnSchema& c) {
  switch (c.type) {
    case evidence::ColumnType::kInstant:
      return ColumnType::kTimestamp;
    case evidence::ColumnType::kDate:
      return ColumnType::kDate;
    case evidence::ColumnType::kBool:
      return ColumnType::kBoolean;
    case evidence::ColumnType::kNumber:
      return ColumnType::kNumber;
    case evidence::ColumnType::kRatio:
      return ColumnType::kRatio;
    case evidence::ColumnType::kCategory:
      if (c.domain == evidence::Domain::kPriority) return ColumnType::kPriority;
      if (c.domain == evidence::Domain::kSeverity) return ColumnType::kSeverity;
      return ColumnType::kText;
    case evidence::ColumnType::kId:
    case evidence::ColumnType::kText:
      return ColumnType::kText;
  }
  return ColumnType::kText;
}

struct Catalog {
  std::vector<std::vector<EvidenceColumn>> columns;  // owns what the kinds' spans point at
  std::vector<EvidenceKind> kinds;
};

const Catalog& catalog() {
  static const Catalog built = [] {
    Catalog c;
    const auto& schemas = evidence::all_schemas();
    c.columns.reserve(schemas.size());
    for (const auto& schema : schemas) {
      auto& columns = c.columns.emplace_back();
      for (const auto& column : schema.columns) {
        columns.push_back({column.name, catalog_type(column), column.required});
      }
      c.kinds.push_back({schema.kind, columns});
    }
    return c;
  }();
  return built;
}

}  // namespace

std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kPriority:
      return "priority";
    case ColumnType::kSeverity:
      return "severity";
    case ColumnType::kTimestamp:
      return "time stamp";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kNumber:
      return "number";
    case ColumnType::kRatio:
      return "ratio";
    case ColumnType::kBoolean:
      return "boolean";
  }
  return "?";
}

const EvidenceColumn* EvidenceKind::find_column(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

std::span<const EvidenceKind> evidence_kinds() { return catalog().kinds; }

const EvidenceKind* find_evidence_kind(std::string_view name) {
  for (const auto& k : catalog().kinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace meetlat::contract
