#include "store/workspace_source.h"

#include <algorithm>
#include <set>
#include <vector>

#include "evidence/load.h"
#include "store/action_register.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"

namespace meetlat::store {

WorkspaceSource::WorkspaceSource(Backend& backend, bool skip_invalid)
    : EvidenceSource(skip_invalid) {
  // The compressed segments of each kind are read first, so that its rows are decompressed
  // once, straight into one buffer of the right size (growing a string instead cost more than
  // reading the rows).
  std::map<std::string, std::vector<std::string>, std::less<>> compressed;
  std::string approved;
  std::vector<RegisteredAction>& registered = registered_;
  {
    const ReadScope snapshot(backend);
    const std::vector<SegmentInfo> segments = backend.segments();
    approved = approved_exemption_rows(backend.exemptions());
    registered = backend.actions();
    evidence_sha256_ = evidence_digest(segments, approved, registered_action_rows(registered));
    for (const SegmentInfo& segment : segments) {  // by kind, then part
      const evidence::FileSchema* schema = evidence::find_schema(segment.key.kind);
      if (schema == nullptr) continue;
      Kind& kind = kinds_[segment.key.kind];
      kind.columns = union_columns(*schema, kind.columns, segment.columns);
      compressed[segment.key.kind].push_back(backend.segment_bytes(segment.key));
    }
  }
  // Approved exemptions of the register apply as rows of exemptions.csv would, after those
  // imported.
  if (!approved.empty()) {
    Kind& kind = kinds_["exemptions"];
    kind.columns = union_columns(*evidence::find_schema("exemptions"), kind.columns,
                                 "approved_by,approved_on");
    compressed["exemptions"].push_back(compress(approved));
  }
  // The action register's actions are rows of actions.csv, after the imported ones, which they
  // replace when an imported row has the same id.
  if (!registered.empty()) {
    const evidence::FileSchema& schema = *evidence::find_schema("actions");
    std::set<std::string, std::less<>> ids;
    for (const RegisteredAction& a : registered) ids.insert(a.id);
    std::string rows;
    for (const std::string& segment : compressed["actions"]) {
      for (const CanonicalRecord& r : canonical_records(schema, decompress(segment))) {
        if (!ids.contains(r.id)) rows += r.row;
      }
    }
    rows += registered_action_rows(registered);
    Kind& kind = kinds_["actions"];
    kind.columns = union_columns(schema, kind.columns, "owner,deadline,status");
    compressed["actions"] = {compress(rows)};
  }
  for (auto& [name, segments] : compressed) {
    const std::string header = canonical_header(*evidence::find_schema(name));
    Kind& kind = kinds_[name];
    kind.size = header.size();
    for (const std::string& segment : segments) kind.size += decompressed_size(segment);
    kind.bytes = std::make_unique_for_overwrite<char[]>(kind.size);
    std::copy(header.begin(), header.end(), kind.bytes.get());
    std::size_t at = header.size();
    for (std::string& segment : segments) {
      const std::size_t size = decompressed_size(segment);
      decompress_into(segment, {kind.bytes.get() + at, size});
      at += size;
      std::string().swap(segment);
    }
  }
}

std::string approved_exemption_rows(const std::vector<Exemption>& exemptions) {
  std::string rows;
  for (const Exemption& e : exemptions) {
    if (e.status != "approved") continue;
    for (const std::string& record : e.records) {
      for (const std::string* cell : {&e.kind, &record, &e.reason, &e.decided_by}) {
        append_csv_cell(*cell, rows);
        rows += ',';
      }
      rows += e.decided_on + '\n';
    }
  }
  return rows;
}

std::string evidence_digest(const std::vector<SegmentInfo>& segments,
                            std::string_view approved_exemptions,
                            std::string_view registered_actions) {
  Sha256 digest;
  for (const SegmentInfo& s : segments) {
    digest.add(s.key.kind).add(" ").add(s.key.part).add(" ").add(s.sha256).add("\n");
  }
  if (!approved_exemptions.empty()) digest.add("register\n").add(approved_exemptions);
  if (!registered_actions.empty()) digest.add("action register\n").add(registered_actions);
  return digest.hex();
}

std::string evidence_digest(Backend& backend) {
  return evidence_digest(backend.segments(), approved_exemption_rows(backend.exemptions()),
                         registered_action_rows(backend.actions()));
}

evidence::Evidence WorkspaceSource::read(const evidence::LoadOptions& options) const {
  evidence::Evidence evidence;
  evidence.skip_invalid = options.skip_invalid;
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    const auto it = kinds_.find(schema.kind);
    if (it == kinds_.end()) continue;
    evidence::FileLoad load = evidence::load_evidence_text(schema, it->second.text(), options);
    if (load.table) {
      // The stored rows have every column; the optional ones no import had stay absent.
      for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        const evidence::ColumnSchema& column = schema.columns[i];
        if (!column.required) {
          load.table->column(i).in_file = column_listed(it->second.columns, column.name);
        }
      }
    }
    evidence.add(schema.kind, std::move(load));
  }
  return evidence;
}

std::vector<evidence::RecordPosition> WorkspaceSource::locate(
    std::string_view kind, std::string_view field, std::span<const std::uint32_t> lines) const {
  const evidence::FileSchema* schema = evidence::find_schema(kind);
  const auto it = kinds_.find(kind);
  const std::string file = schema != nullptr ? std::string(schema->file_name) : std::string(kind);
  return evidence::locate_in_csv(file, it == kinds_.end() ? std::string_view() : it->second.text(),
                                 field, lines);
}

}  // namespace meetlat::store
