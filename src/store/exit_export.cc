#include "store/exit_export.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "evidence/csv_reader.h"
#include "evidence/load.h"
#include "io/atomic_write.h"
#include "io/regular_file.h"
#include "store/action_register.h"
#include "store/audit.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/store_error.h"

namespace meetlat::store {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::string_view kFormat = "meetlat.export/1";

std::string version_file(std::int64_t version) {
  return "contract/version-" + std::to_string(version) + ".yaml";
}

// The export's files, written into a folder and listed in its manifest.
class ExportWriter {
 public:
  explicit ExportWriter(fs::path dir) : dir_(std::move(dir)) {}

  void write(const std::string& relative, std::string_view bytes) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw io::FileError(path.string() + ": cannot write the export file");
    files_.push_back({{"path", relative}, {"bytes", bytes.size()}, {"sha256", sha256_hex(bytes)}});
  }

  void write_manifest(std::int64_t events, const std::string& head) {
    const json manifest = {{"format", kFormat},        {"schema_version", kSchemaVersion},
                           {"exported_at", utc_now()}, {"audit_events", events},
                           {"audit_head", head},       {"files", files_}};
    const std::string text = manifest.dump(2) + "\n";
    std::ofstream out(dir_ / "manifest.json", std::ios::binary);
    out << text;
    out.close();
    if (!out) throw io::FileError((dir_ / "manifest.json").string() + ": cannot write");
  }

 private:
  fs::path dir_;
  json files_ = json::array();
};

std::string jsonl(const std::vector<json>& lines) {
  std::string out;
  for (const json& line : lines) out += line.dump() + '\n';
  return out;
}

// The current records of one kind as an evidence file: the required columns and the optional
// ones any import had, in schema order.
std::string evidence_file(const evidence::FileSchema& schema, const std::string& columns,
                          const std::vector<std::string>& parts) {
  std::vector<std::size_t> kept;
  std::string out;
  for (std::size_t i = 0; i < schema.columns.size(); ++i) {
    const evidence::ColumnSchema& column = schema.columns[i];
    if (!column.required && !column_listed(columns, column.name)) continue;
    if (!kept.empty()) out += ',';
    out += column.name;
    kept.push_back(i);
  }
  out += '\n';
  for (const std::string& rows : parts) {
    evidence::CsvParser parser(rows, 0, rows.size(), 1);
    evidence::CsvRecord record;
    while (parser.next(record)) {
      for (std::size_t k = 0; k < kept.size(); ++k) {
        if (k > 0) out += ',';
        if (kept[k] < record.cells.size()) append_csv_cell(record.cells[kept[k]].text, out);
      }
      out += '\n';
    }
  }
  return out;
}

// Takes the action register's actions, which the export writes after the imported ones, out of
// the rows of actions.csv.
void drop_registered(const evidence::FileSchema& schema,
                     const std::set<std::string, std::less<>>& registered, PartRows& rows) {
  if (registered.empty()) return;
  PartRows kept;
  for (const CanonicalRecord& r : canonical_records(schema, rows.text)) {
    if (registered.contains(r.id)) continue;
    kept.text += r.row;
    ++kept.rows;
  }
  rows = std::move(kept);
}

// The export's files by path, each checked against the manifest.
class ExportReader {
 public:
  explicit ExportReader(fs::path dir) : dir_(std::move(dir)) {
    const fs::path manifest_path = dir_ / "manifest.json";
    json manifest;
    try {
      manifest = json::parse(io::read_regular(manifest_path));
    } catch (const json::exception& e) {
      throw StoreError(manifest_path.string() + ": not a meetlat export manifest: " + e.what());
    }
    if (manifest.value("format", "") != kFormat) {
      throw StoreError(manifest_path.string() + ": not a " + std::string(kFormat) + " manifest");
    }
    if (manifest.value("schema_version", 0) > kSchemaVersion) {
      throw StoreError(manifest_path.string() + ": exported by a newer meetlat (schema " +
                       std::to_string(manifest.value("schema_version", 0)) +
                       "); upgrade meetlat to restore it");
    }
    for (const json& file : manifest.at("files")) {
      digests_[file.at("path").get<std::string>()] = file.at("sha256").get<std::string>();
    }
  }

  bool has(const std::string& relative) const { return digests_.contains(relative); }

  std::string read(const std::string& relative) const {
    const auto it = digests_.find(relative);
    const fs::path path = dir_ / relative;
    if (it == digests_.end()) throw StoreError(path.string() + ": not in the manifest");
    std::string bytes = io::read_regular(path);
    if (sha256_hex(bytes) != it->second) {
      throw StoreError(path.string() +
                       ": its SHA-256 differs from the manifest's: the export "
                       "was changed or damaged; nothing was restored");
    }
    return bytes;
  }

  std::vector<json> lines(const std::string& relative) const {
    std::vector<json> out;
    const std::string text = read(relative);
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      try {
        out.push_back(json::parse(text.substr(begin, end - begin)));
      } catch (const json::exception& e) {
        throw StoreError((dir_ / relative).string() + ": a line is not JSON: " + e.what());
      }
      begin = end + 1;
    }
    return out;
  }

 private:
  fs::path dir_;
  std::map<std::string, std::string> digests_;
};

}  // namespace

void write_export(Backend& backend, const fs::path& out) {
  std::error_code error;
  if (fs::exists(out, error) && !fs::is_empty(out, error) &&
      !fs::exists(out / "manifest.json", error)) {
    throw StoreError(out.string() + ": the folder holds other files; export into a new folder");
  }
  const ReadScope snapshot(backend);
  io::replace_folder_atomically(out, [&backend](const fs::path& dir) {
    ExportWriter writer(dir);
    std::vector<json> versions;
    for (const ContractVersion& v : backend.contract_versions()) {
      writer.write(version_file(v.version), v.yaml);
      versions.push_back({{"version", v.version},
                          {"effective_from", v.effective_from},
                          {"file", version_file(v.version)},
                          {"sha256", v.sha256},
                          {"event_seq", v.event_seq}});
    }
    writer.write("contract/versions.jsonl", jsonl(versions));

    std::vector<json> segments;
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> kinds;
    for (const SegmentInfo& s : backend.segments()) {
      segments.push_back({{"kind", s.key.kind},
                          {"part", s.key.part},
                          {"rows", s.rows},
                          {"columns", s.columns},
                          {"sha256", s.sha256},
                          {"encoding", s.encoding},
                          {"event_seq", s.event_seq}});
      auto& [columns, parts] = kinds[s.key.kind];
      const evidence::FileSchema* schema = evidence::find_schema(s.key.kind);
      if (schema == nullptr) throw StoreError("a segment of an unknown kind " + s.key.kind);
      columns = union_columns(*schema, columns, s.columns);
      parts.push_back(segment_text(*schema, s.encoding, backend.segment_bytes(s.key)));
    }
    // The action register's actions are evidence too (action_register.h): actions.csv holds them
    // after the imported ones, so that the evidence files evaluate as the workspace does.
    if (const std::vector<RegisteredAction> registered = backend.actions(); !registered.empty()) {
      auto& [columns, parts] = kinds["actions"];
      columns = union_columns(*evidence::find_schema("actions"), columns, "owner,deadline,status");
      parts.push_back(registered_action_rows(registered));
    }
    for (const auto& [kind, held] : kinds) {
      const evidence::FileSchema& schema = *evidence::find_schema(kind);
      writer.write("evidence/" + std::string(schema.file_name),
                   evidence_file(schema, held.first, held.second));
    }
    writer.write("segments.jsonl", jsonl(segments));

    std::vector<json> imports;
    for (const ImportRecord& i : backend.imports()) {
      imports.push_back({{"id", i.id}, {"event_seq", i.event_seq}, {"summary", i.summary}});
    }
    writer.write("imports.jsonl", jsonl(imports));
    std::vector<json> corrections;
    for (const Correction& c : backend.corrections()) {
      corrections.push_back({{"import_id", c.import_id},
                             {"kind", c.kind},
                             {"record", c.record},
                             {"before", c.before},
                             {"after", c.after}});
    }
    writer.write("corrections.jsonl", jsonl(corrections));
    std::vector<json> closings;
    for (const Closing& c : backend.closings()) {
      closings.push_back({{"id", c.id},
                          {"period", c.period},
                          {"action", c.action},
                          {"at", c.at},
                          {"actor", c.actor},
                          {"text", c.text},
                          {"contract_version", c.contract_version},
                          {"evidence_sha256", c.evidence_sha256},
                          {"as_of", c.as_of},
                          {"result_json", c.result_json},
                          {"result_table", c.result_table},
                          {"event_seq", c.event_seq}});
    }
    writer.write("closings.jsonl", jsonl(closings));
    std::vector<json> exemptions;
    for (const Exemption& e : backend.exemptions()) {
      exemptions.push_back({{"id", e.id},
                            {"kind", e.kind},
                            {"records", e.records},
                            {"reason", e.reason},
                            {"proposed_by", e.proposed_by},
                            {"proposed_at", e.proposed_at},
                            {"status", e.status},
                            {"decided_by", e.decided_by},
                            {"decided_at", e.decided_at},
                            {"decided_on", e.decided_on},
                            {"decision", e.decision},
                            {"proposed_seq", e.proposed_seq},
                            {"decided_seq", e.decided_seq}});
    }
    writer.write("exemptions.jsonl", jsonl(exemptions));
    std::vector<json> actions;
    for (const RegisteredAction& a : backend.actions()) {
      json line = registration_json(a);
      line.update(completion_json(a));
      line.erase("action_id");
      line.update({{"registered_seq", a.registered_seq},
                   {"done_by", a.done_by},
                   {"done_at", a.done_at},
                   {"done_seq", a.done_seq}});
      actions.push_back(std::move(line));
    }
    writer.write("actions.jsonl", jsonl(actions));
    const std::vector<AuditEvent> events = backend.audit_events();
    writer.write("audit.jsonl", audit_jsonl(events));
    writer.write_manifest(static_cast<std::int64_t>(events.size()),
                          events.empty() ? "" : events.back().hash);
  });
}

std::vector<ContractVersion> read_export_contracts(const fs::path& export_dir) {
  const ExportReader reader(export_dir);
  std::vector<ContractVersion> out;
  for (const json& v : reader.lines("contract/versions.jsonl")) {
    ContractVersion version;
    version.version = v.at("version").get<std::int64_t>();
    version.effective_from = v.at("effective_from").get<std::string>();
    version.yaml = reader.read(v.at("file").get<std::string>());
    version.sha256 = v.at("sha256").get<std::string>();
    version.event_seq = v.at("event_seq").get<std::int64_t>();
    if (sha256_hex(version.yaml) != version.sha256) {
      throw StoreError((export_dir / v.at("file").get<std::string>()).string() +
                       ": differs from the contract version it stands for");
    }
    out.push_back(std::move(version));
  }
  if (out.empty()) throw StoreError(export_dir.string() + ": the export holds no contract");
  return out;
}

void restore_export(Backend& backend, const fs::path& export_dir,
                    const evidence::LoadOptions& options) {
  const ExportReader reader(export_dir);
  const std::vector<ContractVersion> versions = read_export_contracts(export_dir);
  try {
    // The evidence first, checked segment by segment, before anything is written.
    // Per segment: as segments.jsonl names it, and its content compressed once found.
    std::map<SegmentKey, std::pair<SegmentInfo, std::optional<std::string>>> segments;
    for (const json& s : reader.lines("segments.jsonl")) {
      const SegmentInfo info{{s.at("kind").get<std::string>(), s.at("part").get<std::string>()},
                             s.at("rows").get<std::int64_t>(),
                             s.at("columns").get<std::string>(),
                             s.at("sha256").get<std::string>(),
                             s.at("event_seq").get<std::int64_t>(),
                             s.value("encoding", std::string(kCsvEncoding))};
      if (info.encoding != kCsvEncoding && info.encoding != kColumnsEncoding) {
        throw StoreError("segments.jsonl: " + info.key.kind + " " + info.key.part +
                         " has an encoding this meetlat does not know: " + info.encoding);
      }
      segments[info.key] = {info, std::nullopt};
    }
    std::set<std::string> kinds;
    for (const auto& [key, held] : segments) kinds.insert(key.kind);
    std::set<std::string, std::less<>> registered;  // the action register's ids
    if (reader.has("actions.jsonl")) {
      for (const json& a : reader.lines("actions.jsonl")) {
        registered.insert(a.at("id").get<std::string>());
      }
    }
    for (const std::string& kind : kinds) {
      const evidence::FileSchema* schema = evidence::find_schema(kind);
      if (schema == nullptr) throw StoreError("segments.jsonl: an unknown kind " + kind);
      const std::string relative = "evidence/" + std::string(schema->file_name);
      const evidence::FileLoad load =
          evidence::load_evidence_text(*schema, reader.read(relative), options);
      if (!load.diagnostics.empty() || !load.table) {
        throw StoreError((export_dir / relative).string() + ": " +
                         (load.diagnostics.empty() ? std::string("unusable")
                                                   : load.diagnostics.front().to_string()));
      }
      // Each segment in the encoding it had (column_rows.h), so that its digest is the one
      // segments.jsonl and the audit log recorded.
      std::map<std::string, PartRows> columns;
      for (auto& [part, rows] : canonical_parts(*load.table, options.zone)) {
        if (kind == "actions") drop_registered(*schema, registered, rows);
        const auto it = segments.find({kind, part});
        std::string content;
        if (it != segments.end() && it->second.first.encoding == kColumnsEncoding) {
          if (columns.empty()) columns = column_parts(*load.table, options.zone);
          PartRows& encoded = columns[part];
          for (const std::string& frame : encoded.frames) content += decompress(frame);
        } else {
          content = std::move(rows.text);
        }
        if (it == segments.end() || sha256_hex(content) != it->second.first.sha256) {
          throw StoreError((export_dir / relative).string() + ": its rows of " +
                           (part.empty() ? std::string("the kind") : part) +
                           " differ from segments.jsonl");
        }
        it->second.second = compress(content);
      }
    }
    for (const auto& [key, held] : segments) {
      if (held.first.rows > 0 && !held.second) {
        throw StoreError(export_dir.string() + ": segments.jsonl names " + key.kind + " " +
                         key.part + ", which the evidence files do not hold");
      }
    }

    WriteScope write(backend);
    for (const ContractVersion& v : versions) backend.add_contract_version(v);
    for (const json& i : reader.lines("imports.jsonl")) {
      const std::int64_t id = backend.add_import(i.at("event_seq").get<std::int64_t>(),
                                                 i.at("summary").get<std::string>());
      if (id != i.at("id").get<std::int64_t>()) {
        throw StoreError("imports.jsonl: import " + i.at("id").dump() + " is out of order");
      }
    }
    for (const json& c : reader.lines("corrections.jsonl")) {
      backend.add_correction({c.at("import_id").get<std::int64_t>(),
                              c.at("kind").get<std::string>(), c.at("record").get<std::string>(),
                              c.at("before").get<std::string>(), c.at("after").get<std::string>()});
    }
    for (const auto& [key, held] : segments) {
      backend.put_segment(held.first,
                          std::vector<std::string>{held.second ? *held.second : compress("")});
    }
    for (const json& c : reader.lines("closings.jsonl")) {
      const Closing closing{c.at("id").get<std::int64_t>(),
                            c.at("period").get<std::string>(),
                            c.at("action").get<std::string>(),
                            c.at("at").get<std::string>(),
                            c.at("actor").get<std::string>(),
                            c.at("text").get<std::string>(),
                            c.at("contract_version").get<std::int64_t>(),
                            c.at("evidence_sha256").get<std::string>(),
                            c.at("as_of").get<std::string>(),
                            c.at("result_json").get<std::string>(),
                            c.at("result_table").get<std::string>(),
                            c.at("event_seq").get<std::int64_t>()};
      if (backend.add_closing(closing) != closing.id) {
        throw StoreError("closings.jsonl: closing " + std::to_string(closing.id) +
                         " is out of order");
      }
    }
    if (reader.has("exemptions.jsonl")) {  // exports of schema 3 on
      for (const json& x : reader.lines("exemptions.jsonl")) {
        const Exemption e{x.at("id").get<std::int64_t>(),
                          x.at("kind").get<std::string>(),
                          x.at("records").get<std::vector<std::string>>(),
                          x.at("reason").get<std::string>(),
                          x.at("proposed_by").get<std::string>(),
                          x.at("proposed_at").get<std::string>(),
                          x.at("status").get<std::string>(),
                          x.at("decided_by").get<std::string>(),
                          x.at("decided_at").get<std::string>(),
                          x.at("decided_on").get<std::string>(),
                          x.at("decision").get<std::string>(),
                          x.at("proposed_seq").get<std::int64_t>(),
                          x.at("decided_seq").get<std::int64_t>()};
        if (backend.add_exemption(e) != e.id) {
          throw StoreError("exemptions.jsonl: exemption " + std::to_string(e.id) +
                           " is out of order");
        }
      }
    }
    if (reader.has("actions.jsonl")) {  // exports of schema 4 on
      for (const json& x : reader.lines("actions.jsonl")) {
        RegisteredAction a = registration_from_json(x, x.at("registered_seq").get<std::int64_t>());
        a.status = x.at("status").get<std::string>();
        a.done_on = x.at("done_on").get<std::string>();
        a.done_evidence = x.at("evidence").get<std::string>();
        a.done_by = x.at("done_by").get<std::string>();
        a.done_at = x.at("done_at").get<std::string>();
        a.done_seq = x.at("done_seq").get<std::int64_t>();
        backend.add_action(a);
      }
    }
    for (const json& e : reader.lines("audit.jsonl")) {
      const json& details = e.at("details");
      backend.append_audit({e.at("seq").get<std::int64_t>(), e.at("at").get<std::string>(),
                            e.at("actor").get<std::string>(), e.at("action").get<std::string>(),
                            details.is_string() ? details.get<std::string>() : details.dump(),
                            e.at("prev").get<std::string>(), e.at("hash").get<std::string>()});
    }
    write.commit();
  } catch (const json::exception& e) {
    throw StoreError(export_dir.string() +
                     ": a file of the export lacks what meetlat writes: " + e.what());
  }
}

}  // namespace meetlat::store
