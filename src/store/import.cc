#include "store/import.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>

#include "evidence/load.h"
#include "store/audit.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/store_error.h"

namespace meetlat::store {
namespace {

using nlohmann::json;

// A segment as this import leaves it.
struct Working {
  std::optional<SegmentInfo> stored;
  PartRows rows;        // canonical rows (their number: `count`, not rows.rows)
  std::string columns;  // optional columns present
  std::uint64_t count = 0;
  bool changed = false;
};

class Merge {
 public:
  Merge(Backend& backend, std::int64_t import_id, const time::Zone& zone)
      : backend_(backend), import_id_(import_id), zone_(zone) {}

  void add(const IncomingFile& file, const std::string& part, PartRows incoming,
           const std::string& columns, FileCounts& counts) {
    const evidence::FileSchema& schema = *file.schema;
    Working& segment = working(schema, part);
    if (schema.kind == "actions") {
      incoming.join(schema);
      refuse_registered(file, incoming.text);
    }
    const std::string merged_columns = union_columns(schema, segment.columns, columns);
    if (merged_columns != segment.columns) {
      segment.columns = merged_columns;
      segment.changed = true;
    }
    if (segment.count == 0) {
      // A segment's first rows are kept as they were read: a month of transactions as the frames
      // of its columns made while reading.
      counts.accepted += incoming.rows;
      segment.rows = std::move(incoming);
      segment.count = segment.rows.rows;
      // A file without rows is evidence too ("there were none"): its kind is kept, empty.
      segment.changed = segment.changed || segment.count > 0 || !segment.stored;
      return;
    }
    // The same content is the same rows (column_rows.h): a month imported again is not decoded.
    if (!incoming.sha256.empty() && incoming.sha256 == segment.rows.sha256 &&
        incoming.encoding == segment.rows.encoding) {
      counts.unchanged += incoming.rows;
      return;
    }
    incoming.join(schema);
    segment.rows.join(schema);
    if (segment.rows.text == incoming.text) {
      counts.unchanged += incoming.rows;
      return;
    }
    std::vector<CanonicalRecord> stored = canonical_records(schema, segment.rows.text);
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(stored.size());
    for (std::size_t i = 0; i < stored.size(); ++i) index.emplace(stored[i].id, i);
    for (CanonicalRecord& record : canonical_records(schema, incoming.text)) {
      const auto it = index.find(record.id);
      if (it == index.end()) {
        ++counts.accepted;
        index.emplace(record.id, stored.size());
        stored.push_back(std::move(record));
        continue;
      }
      CanonicalRecord& old = stored[it->second];
      if (old.row == record.row) {
        ++counts.unchanged;
        continue;
      }
      ++counts.corrected;
      Correction correction{import_id_, std::string(schema.kind), record.id, old.row, record.row};
      digest_correction(corrections_digest_, correction);
      ++corrections_;
      backend_.add_correction(correction);
      old.row = std::move(record.row);
    }
    segment.rows.text.clear();
    for (const CanonicalRecord& record : stored) segment.rows.text += record.row;
    segment.count = stored.size();
    segment.changed = true;
  }

  // Writes the changed segments; returns them for the audit event.
  json write(std::int64_t event_seq, const ImportProgress& progress) {
    json written = json::array();
    std::uint64_t changed = 0;
    std::uint64_t done = 0;
    for (const auto& [key, segment] : segments_) changed += segment.changed ? 1 : 0;
    for (auto& [key, segment] : segments_) {
      if (!segment.changed) continue;
      if (progress) progress("storing segments", done++, changed);
      PartRows& rows = segment.rows;
      if (rows.frames.empty()) {  // merged as text
        const evidence::FileSchema& schema = *evidence::find_schema(key.kind);
        rows =
            is_partitioned(key.kind) ? as_columns(schema, key.part, rows.text) : as_csv(rows.text);
      }
      // Else compressed and hashed while read (CanonicalRowsSink).
      SegmentInfo info{key,
                       static_cast<std::int64_t>(segment.count),
                       segment.columns,
                       std::move(rows.sha256),
                       event_seq,
                       rows.encoding};
      backend_.put_segment(info, rows.frames);
      rows.frames.clear();
      written.push_back({{"kind", key.kind},
                         {"part", key.part},
                         {"rows", info.rows},
                         {"encoding", info.encoding},
                         {"sha256", info.sha256}});
    }
    return written;
  }

  json corrections() { return {{"count", corrections_}, {"sha256", corrections_digest_.hex()}}; }

 private:
  // The action register's actions are kept there, not as imported evidence (action_register.h).
  void refuse_registered(const IncomingFile& file, std::string_view rows) {
    if (!registered_) {
      registered_.emplace();
      for (const RegisteredAction& a : backend_.actions()) registered_->insert(a.id);
    }
    if (registered_->empty()) return;
    for (const CanonicalRecord& record : canonical_records(*file.schema, rows)) {
      if (registered_->contains(record.id)) {
        throw StoreError(file.name + ": action " + record.id +
                         " is in the workspace's action register (entered when its period was "
                         "closed) and is kept there; leave it out of the file (`meetlat action "
                         "done` records its completion); nothing was imported");
      }
    }
  }

  Working& working(const evidence::FileSchema& schema, const std::string& part) {
    SegmentKey key{std::string(schema.kind), part};
    auto it = segments_.find(key);
    if (it != segments_.end()) return it->second;
    Working segment;
    segment.stored = backend_.segment(key);
    if (segment.stored) {
      // Kept compressed until its rows are needed (a month imported again is compared by digest).
      segment.rows.frames = {backend_.segment_bytes(key)};
      segment.rows.sha256 = segment.stored->sha256;
      segment.rows.encoding = segment.stored->encoding;
      segment.rows.rows = static_cast<std::uint64_t>(segment.stored->rows);
      segment.columns = segment.stored->columns;
      segment.count = static_cast<std::uint64_t>(segment.stored->rows);
    }
    return segments_.emplace(std::move(key), std::move(segment)).first->second;
  }

  // Canonical rows as a segment's content: compressed text, or, for a kind kept per month, read
  // back into a table and made columns (column_rows.h).
  static PartRows as_csv(const std::string& text) {
    PartRows rows;
    rows.sha256 = sha256_hex(text);
    rows.frames = {compress(text)};
    return rows;
  }
  PartRows as_columns(const evidence::FileSchema& schema, const std::string& part,
                      const std::string& text) const {
    const evidence::LoadOptions options{zone_};
    const evidence::FileLoad load =
        evidence::load_evidence_text(schema, canonical_header(schema) + text, options);
    if (!load.diagnostics.empty() || !load.table) {
      throw StoreError("the merged rows of " + std::string(schema.kind) + " " + part +
                       " do not read back: " +
                       (load.diagnostics.empty() ? std::string("no table")
                                                 : load.diagnostics.front().to_string()));
    }
    std::map<std::string, PartRows> parts = column_parts(*load.table, zone_);
    if (parts.empty()) {
      PartRows none;
      none.encoding = kColumnsEncoding;
      none.sha256 = sha256_hex("");
      none.frames = {compress("")};
      return none;
    }
    if (parts.size() != 1 || parts.begin()->first != part) {
      throw StoreError("the merged rows of " + std::string(schema.kind) + " " + part +
                       " belong to another month");
    }
    return std::move(parts.begin()->second);
  }

  Backend& backend_;
  std::int64_t import_id_;
  const time::Zone& zone_;
  std::map<SegmentKey, Working> segments_;
  std::optional<std::set<std::string>> registered_;
  std::int64_t corrections_ = 0;
  Sha256 corrections_digest_;
};

std::uint64_t rejected_rows(const evidence::FileLoad& load) {
  return load.skipped ? load.skipped->rows : 0;
}

}  // namespace

ImportResult import_evidence(Backend& backend, std::vector<IncomingFile> files, bool skip_invalid,
                             const time::Zone& zone, const std::string& actor,
                             const ImportProgress& progress) {
  ImportResult result;
  for (const IncomingFile& file : files) {
    result.diagnostics.insert(result.diagnostics.end(), file.load.diagnostics.begin(),
                              file.load.diagnostics.end());
  }
  if (!result.diagnostics.empty() && !skip_invalid) {
    result.refused = true;
    return result;
  }
  WriteScope write(backend);
  const std::int64_t seq = next_audit_seq(backend);
  result.import_id = backend.add_import(seq, "{}");
  Merge merge(backend, result.import_id, zone);
  json files_json = json::array();
  std::uint64_t total_rows = 0;
  for (const IncomingFile& file : files)
    total_rows += file.load.table ? file.load.table->rows() : 0;  // streamed rows are ready
  std::uint64_t rows_before = 0;                                  // of the files before this one
  for (IncomingFile& file : files) {
    FileCounts counts{file.name, std::string(file.schema->kind)};
    counts.rejected = rejected_rows(file.load);
    if (file.load.table) {
      const evidence::Table& table = *file.load.table;
      const std::string columns = present_columns(table);
      std::function<void(std::size_t)> rows_done;
      if (progress) {
        rows_done = [&progress, rows_before, total_rows](std::size_t rows) {
          progress("preparing rows", rows_before + rows, total_rows);
        };
      }
      // A kind streamed through CanonicalRowsSinks while read has its rows made already; a kind
      // kept per month is kept in columns.
      auto parts = !file.load.sinks.empty()            ? join_parts(file.load.sinks)
                   : is_partitioned(file.schema->kind) ? column_parts(table, zone)
                                                       : canonical_parts(table, zone, rows_done);
      rows_before += table.rows();
      if (parts.empty()) parts[""];  // a file of probes or transactions without rows
      for (auto& [part, rows] : parts) merge.add(file, part, std::move(rows), columns, counts);
    }
    files_json.push_back({{"file", counts.name},
                          {"kind", counts.kind},
                          {"accepted", counts.accepted},
                          {"unchanged", counts.unchanged},
                          {"corrected", counts.corrected},
                          {"rejected", counts.rejected}});
    result.files.push_back(std::move(counts));
  }
  json details = {{"import_id", result.import_id},
                  {"files", files_json},
                  {"segments", merge.write(seq, progress)},
                  {"corrections", merge.corrections()}};
  backend.set_import_summary(result.import_id, files_json.dump());
  result.event_seq = append_audit_event(backend, actor, "import", details.dump(), utc_now()).seq;
  write.commit();
  return result;
}

}  // namespace meetlat::store
