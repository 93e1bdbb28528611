#include "store/workspace_source.h"

#include <algorithm>
#include <vector>

#include "evidence/load.h"
#include "store/action_register.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"

namespace meetlat::store {

WorkspaceSource::WorkspaceSource(Backend& backend, bool skip_invalid)
    : EvidenceSource(skip_invalid) {
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
      kind.segments.push_back(backend.segment_bytes(segment.key));
    }
  }
  // Approved exemptions of the register apply as rows of exemptions.csv would, after those
  // imported.
  if (!approved.empty()) {
    Kind& kind = kinds_["exemptions"];
    kind.columns = union_columns(*evidence::find_schema("exemptions"), kind.columns,
                                 "approved_by,approved_on");
    kind.segments.push_back(compress(approved));
  }
  // The action register's actions are rows of actions.csv, after the imported ones (an id is in
  // one of the two only: action_register.h).
  if (!registered.empty()) {
    Kind& kind = kinds_["actions"];
    kind.columns =
        union_columns(*evidence::find_schema("actions"), kind.columns, "owner,deadline,status");
    kind.segments.push_back(compress(registered_action_rows(registered)));
  }
}

WorkspaceSource::Text WorkspaceSource::Kind::text(const evidence::FileSchema& schema,
                                                  std::span<const std::string> segments) {
  // Decompressed straight into one buffer of the right size (growing a string instead cost more
  // than reading the rows).
  const std::string header = canonical_header(schema);
  std::size_t size = header.size();
  for (const std::string& segment : segments) size += decompressed_size(segment);
  Text text{std::make_unique_for_overwrite<char[]>(size), size};
  char* out = text.bytes.get();
  std::copy(header.begin(), header.end(), out);
  std::size_t at = header.size();
  for (const std::string& segment : segments) {
    const std::size_t bytes = decompressed_size(segment);
    decompress_into(segment, {out + at, bytes});
    at += bytes;
  }
  return text;
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

namespace {

// Adds what was read of a kind's next segment to what was read of the segments before it.
void merge_load(evidence::FileLoad& into, evidence::FileLoad&& next) {
  auto move_into = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  move_into(into.diagnostics, next.diagnostics);
  move_into(into.warnings, next.warnings);
  move_into(into.sinks, next.sinks);
  if (next.skipped) {
    if (!into.skipped) {
      into.skipped = std::move(next.skipped);
    } else {
      into.skipped->rows += next.skipped->rows;
      for (const auto& counted : next.skipped->reasons) {
        auto& reasons = into.skipped->reasons;
        const auto it = std::find_if(reasons.begin(), reasons.end(), [&counted](const auto& r) {
          return r.first == counted.first;
        });
        if (it != reasons.end()) {
          it->second += counted.second;
        } else {
          reasons.insert(std::upper_bound(reasons.begin(), reasons.end(), counted), counted);
        }
      }
    }
  }
}

}  // namespace

evidence::Evidence WorkspaceSource::read(const evidence::LoadOptions& options) const {
  evidence::Evidence evidence;
  evidence.skip_invalid = options.skip_invalid;
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    const auto it = kinds_.find(schema.kind);
    if (it == kinds_.end()) continue;
    const std::vector<std::string>& segments = it->second.segments;
    evidence::FileLoad load;
    if (options.sinks.contains(schema.kind) && segments.size() > 1) {
      // A streamed kind (the transactions of KPI-10) is read a segment (a month) at a time, so
      // that the rows of one month at the most are in memory, not those of every month.
      for (std::size_t i = 0; i < segments.size(); ++i) {
        evidence::FileLoad part = evidence::load_evidence_text(
            schema, Kind::text(schema, {segments.data() + i, 1}).view(), options);
        if (i == 0) {
          load = std::move(part);
        } else {
          merge_load(load, std::move(part));
        }
      }
    } else {
      load = evidence::load_evidence_text(schema, Kind::text(schema, segments).view(), options);
    }
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
  if (it == kinds_.end() || schema == nullptr)
    return evidence::locate_in_csv(file, {}, field, lines);
  return evidence::locate_in_csv(file, Kind::text(*schema, it->second.segments).view(), field,
                                 lines);
}

}  // namespace meetlat::store
