#include "store/workspace_source.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <vector>

#include "evidence/load.h"
#include "store/action_register.h"
#include "store/canonical_rows.h"
#include "store/column_rows.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/store_error.h"

namespace meetlat::store {

WorkspaceSource::WorkspaceSource(std::shared_ptr<Backend> shared, bool skip_invalid,
                                 const std::vector<RegisteredAction>& entering)
    : EvidenceSource(skip_invalid), backend_(std::move(shared)) {
  Backend& backend = *backend_;
  std::string approved;
  std::vector<RegisteredAction>& registered = registered_;
  {
    const ReadScope snapshot(backend);
    const std::vector<SegmentInfo> segments = backend.segments();
    approved = approved_exemption_rows(backend.exemptions());
    registered = backend.actions();
    for (RegisteredAction& a : unregistered(backend, entering)) registered.push_back(std::move(a));
    evidence_sha256_ = evidence_digest(segments, approved, registered_action_rows(registered));
    for (const SegmentInfo& segment : segments) {  // by kind, then part
      const evidence::FileSchema* schema = evidence::find_schema(segment.key.kind);
      if (schema == nullptr) continue;
      Kind& kind = kinds_[segment.key.kind];
      kind.columns = union_columns(*schema, kind.columns, segment.columns);
      kind.segments.emplace_back();  // read when needed
      kind.parts.push_back(segment.key.part);
      kind.sha256.push_back(segment.sha256);
      kind.encodings.push_back(segment.encoding);
    }
  }
  // Approved exemptions of the register apply as rows of exemptions.csv would, after those
  // imported.
  if (!approved.empty()) {
    Kind& kind = kinds_["exemptions"];
    kind.columns = union_columns(*evidence::find_schema("exemptions"), kind.columns,
                                 "approved_by,approved_on");
    kind.segments.push_back(compress(approved));
    kind.parts.emplace_back();
    kind.sha256.push_back(sha256_hex(approved));
    kind.encodings.emplace_back(kCsvEncoding);
  }
  // The action register's actions are rows of actions.csv, after the imported ones (an id is in
  // one of the two only: action_register.h).
  if (!registered.empty()) {
    Kind& kind = kinds_["actions"];
    kind.columns =
        union_columns(*evidence::find_schema("actions"), kind.columns, "owner,deadline,status");
    const std::string rows = registered_action_rows(registered);
    kind.segments.push_back(compress(rows));
    kind.parts.emplace_back();
    kind.sha256.push_back(sha256_hex(rows));
    kind.encodings.emplace_back(kCsvEncoding);
  }
}

WorkspaceSource::Text WorkspaceSource::Kind::text(const evidence::FileSchema& schema,
                                                  std::span<const std::string> stored,
                                                  std::size_t first) const {
  // Text segments are decompressed straight into one buffer of the right size (growing a string
  // instead cost more than reading the rows); segments in columns are decoded first.
  const std::string header = canonical_header(schema);
  std::vector<std::string> decoded(stored.size());
  std::size_t size = header.size();
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (encodings[first + i] != kCsvEncoding) {
      decoded[i] = segment_text(schema, encodings[first + i], stored[i]);
      size += decoded[i].size();
    } else {
      size += decompressed_size(stored[i]);
    }
  }
  Text text(size);
  char* out = text.data();
  std::copy(header.begin(), header.end(), out);
  std::size_t at = header.size();
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (encodings[first + i] != kCsvEncoding) {
      std::copy(decoded[i].begin(), decoded[i].end(), out + at);
      at += decoded[i].size();
      std::string().swap(decoded[i]);
      continue;
    }
    const std::size_t bytes = decompressed_size(stored[i]);
    decompress_into(stored[i], {out + at, bytes});
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

// The rows of a segment read a chunk of its frames at a time (each frame holds whole rows:
// canonical_rows.h), decompressed into one room of about `chunk_bytes` used again for each chunk,
// so that a month of transactions (a gigabyte of text) is never decompressed whole: the first
// evaluation of the reference month after its import took 7.3 s and 1.3 GB whole, 4.7 s and
// 0.47 GB in chunks (bench/README.md, "Workspace"). Each chunk is parsed on two threads
// (LoadOptions::split_threshold_bytes) with sinks of its own (a sink's codes are those of its
// chunk's dictionaries): smaller chunks make more sinks to grow and merge and cost more.
evidence::FileLoad load_in_chunks(const evidence::FileSchema& schema, std::string_view compressed,
                                  std::string_view encoding, const evidence::LoadOptions& options,
                                  std::size_t chunk_bytes) {
  const std::string header = canonical_header(schema);
  const std::vector<Frame> frames = frames_of(compressed);
  const bool columns = encoding == kColumnsEncoding;
  if (!columns && encoding != kCsvEncoding) {
    throw StoreError("a stored segment of " + std::string(schema.kind) +
                     " has an encoding this meetlat does not know: " + std::string(encoding));
  }
  std::optional<evidence::FileLoad> load;
  auto parse = [&](std::string_view text) {
    evidence::FileLoad part = evidence::load_evidence_text(schema, text, options);
    if (!load) {
      load = std::move(part);
    } else {
      merge_load(*load, std::move(part));
    }
  };
  if (columns) {
    // Each frame's columns are decoded, in order, into canonical rows after the header; a chunk
    // is parsed once it holds about `chunk_bytes`.
    ColumnRowsDecoder decoder(schema);
    std::string content;
    std::string text = header;
    for (std::size_t next = 0; next < frames.size(); ++next) {
      content.resize(frames[next].size);
      decompress_into(frames[next].compressed, content);
      decoder.append_text(content, text);
      if (text.size() >= chunk_bytes || next + 1 == frames.size()) {
        parse(text);
        text.resize(header.size());
      }
    }
    if (!load) parse(header);
    return std::move(*load);
  }
  std::size_t largest = 0;
  for (const Frame& frame : frames) largest = std::max(largest, frame.size);
  LargeBuffer room(header.size() + std::max(largest, chunk_bytes));
  std::copy(header.begin(), header.end(), room.data());
  for (std::size_t next = 0; next < frames.size();) {
    std::size_t at = header.size();
    do {
      decompress_into(frames[next].compressed, {room.data() + at, frames[next].size});
      at += frames[next].size;
      ++next;
    } while (next < frames.size() && at + frames[next].size <= room.size());
    parse(room.view().substr(0, at));
  }
  if (!load) parse(header);
  return std::move(*load);
}

// The rows of a segment kept in columns, given to one sink of the kind's (LoadOptions::sinks)
// straight from their values, as the loader gives a row (a table of that one row): no text is made
// or parsed. The rows were checked when imported, and a check cannot fail on them now: their time
// stamps are UTC, a bare date is read as the loader reads it (its first instant in the zone). Made
// text and parsed, the first evaluation of the reference month after its import took 8.1 s; so,
// see bench/README.md. std::nullopt when a bare date falls in an hour skipped or repeated in the
// zone, which the loader warns about: the caller reads the rows as text instead.
std::optional<evidence::FileLoad> feed_columns(const evidence::FileSchema& schema,
                                               std::string_view compressed,
                                               const evidence::LoadOptions& options) {
  evidence::FileLoad load = evidence::load_evidence_text(schema, canonical_header(schema), options);
  const std::shared_ptr<evidence::RowSink> sink = options.sinks.find(schema.kind)->second();
  evidence::Table table(schema);
  // Per column: the table's code of the decoder's string c at c (kMissingCode until met).
  std::vector<std::vector<std::uint32_t>> codes(schema.columns.size());
  ColumnRowsDecoder decoder(schema);
  std::vector<ColumnCell> row;
  std::string content;
  std::uint32_t line = 1;  // the header's
  for (const Frame& frame : frames_of(compressed)) {
    content.resize(frame.size);
    decompress_into(frame.compressed, content);
    decoder.feed(content);
    while (decoder.next(row)) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        evidence::Column& column = table.column(i);
        const ColumnCell& cell = row[i];
        const bool missing = cell.state == ColumnCell::State::kMissing;
        switch (schema.columns[i].type) {
          case evidence::ColumnType::kInstant:
            if (cell.state == ColumnCell::State::kBareDate) {
              time::LocalTimeIssue issue = time::LocalTimeIssue::kNone;
              column.instants.push_back(options.zone.to_instant(
                  time::LocalTime{time::Date(std::chrono::days(cell.integer))}, &issue));
              if (issue != time::LocalTimeIssue::kNone) return std::nullopt;
              column.bare_dates.resize(column.instants.size(), 0);
              column.bare_dates.back() = 1;
            } else {
              column.instants.push_back(missing ? evidence::kMissingInstant
                                                : time::Instant(time::Micros(cell.integer)));
            }
            break;
          case evidence::ColumnType::kDate:
            column.dates.push_back(missing ? evidence::kMissingDate
                                           : time::Date(std::chrono::days(cell.integer)));
            break;
          case evidence::ColumnType::kId:
          case evidence::ColumnType::kCategory:
          case evidence::ColumnType::kText: {
            if (missing) {
              column.codes.push_back(evidence::kMissingCode);
              break;
            }
            std::vector<std::uint32_t>& ours = codes[i];
            const std::size_t c = decoder.string_code(i);
            if (c >= ours.size()) ours.resize(c + 1, evidence::kMissingCode);
            if (ours[c] == evidence::kMissingCode) ours[c] = column.dictionary.intern(cell.text);
            column.codes.push_back(ours[c]);
            break;
          }
          case evidence::ColumnType::kBool:
            column.bools.push_back(missing ? evidence::kMissingBool
                                           : static_cast<std::int8_t>(cell.integer));
            break;
          case evidence::ColumnType::kNumber:
          case evidence::ColumnType::kRatio:
            column.numbers.push_back(missing ? std::numeric_limits<double>::quiet_NaN()
                                             : cell.number);
            break;
        }
      }
      table.mutable_lines().push_back(++line);
      sink->add(table, 0);
      table.clear_rows();
    }
  }
  load.sinks = {sink};
  return load;
}

// The UTC month a segment part names ("2026-10"); nullopt for any other part.
std::optional<time::Window> month_span(std::string_view part) {
  const auto period = time::parse_period(part);
  if (!period || period->cadence != time::Cadence::kMonth) return std::nullopt;
  return time::Window{time::Instant(std::chrono::sys_days(period->first_day.time_since_epoch())),
                      time::Instant(std::chrono::sys_days(period->end_day.time_since_epoch()))};
}

}  // namespace

std::vector<std::string> WorkspaceSource::compressed(std::string_view kind_name, const Kind& kind,
                                                     std::size_t first, std::size_t count) const {
  std::vector<std::string> out(kind.segments.begin() + static_cast<std::ptrdiff_t>(first),
                               kind.segments.begin() + static_cast<std::ptrdiff_t>(first + count));
  const std::lock_guard lock(backend_mutex_);
  std::optional<ReadScope> snapshot;
  for (std::size_t i = 0; i < count; ++i) {
    if (!out[i].empty()) continue;
    if (!snapshot) snapshot.emplace(*backend_);
    const SegmentKey key{std::string(kind_name), kind.parts[first + i]};
    const auto info = backend_->segment(key);
    if (!info || info->sha256 != kind.sha256[first + i]) {
      throw StoreError("the workspace's " + key.kind + " (" + key.part +
                       ") changed while it was being read (an import in between): nothing was "
                       "evaluated; run the command again");
    }
    out[i] = backend_->segment_bytes(key);
  }
  return out;
}

evidence::FileLoad WorkspaceSource::read_streamed(const evidence::FileSchema& schema,
                                                  const Kind& kind, std::size_t i,
                                                  const evidence::LoadOptions& options,
                                                  std::vector<NewTally>& new_tallies) const {
  const evidence::RowSinkFactory& make_sink = options.sinks.find(schema.kind)->second;
  const std::shared_ptr<evidence::RowSink> sink = make_sink();
  auto* summarising = dynamic_cast<evidence::SummarisingSink*>(sink.get());
  std::optional<std::vector<std::string>> keys;
  if (summarising != nullptr) {
    if (const auto span = month_span(kind.parts[i])) keys = summarising->summary_keys(*span);
  }
  std::vector<std::string> key_digests;
  if (keys) {
    for (const std::string& key : *keys) key_digests.push_back(sha256_hex(key));
    std::vector<std::string> found;
    {
      const std::lock_guard lock(backend_mutex_);
      const ReadScope snapshot(*backend_);
      for (const std::string& digest : key_digests) {
        auto tally = backend_->tally(kind.sha256[i], digest);
        if (!tally) break;
        found.push_back(std::move(*tally));
      }
    }
    bool whole = found.size() == keys->size();
    for (std::size_t k = 0; whole && k < found.size(); ++k) {
      try {
        whole = summarising->add_summary((*keys)[k], decompress(found[k]));
      } catch (const StoreError&) {  // a damaged entry: the rows are read instead
        whole = false;
      }
    }
    if (whole) {
      evidence::FileLoad load =
          evidence::load_evidence_text(schema, canonical_header(schema), options);
      load.sinks = {sink};
      return load;
    }
  }
  const std::string stored = compressed(schema.kind, kind, i, 1).front();
  std::optional<evidence::FileLoad> fed;
  if (kind.encodings[i] == kColumnsEncoding) fed = feed_columns(schema, stored, options);
  evidence::FileLoad load =
      fed ? std::move(*fed)
          : load_in_chunks(schema, stored, kind.encodings[i], options, chunk_bytes_);
  // Summaries replace the rows only when reading them gave nothing else to report.
  if (keys && load.diagnostics.empty() && load.warnings.empty() && !load.skipped) {
    const std::shared_ptr<evidence::RowSink> all = make_sink();
    auto& summed = dynamic_cast<evidence::SummarisingSink&>(*all);
    for (const std::string& key : *keys) {
      for (const auto& part : load.sinks) {
        summed.add_summary(key, dynamic_cast<const evidence::SummarisingSink&>(*part).summary(key));
      }
    }
    for (std::size_t k = 0; k < keys->size(); ++k) {
      new_tallies.push_back({kind.sha256[i], key_digests[k], compress(summed.summary((*keys)[k]))});
    }
  }
  return load;
}

void WorkspaceSource::keep_tallies(const std::vector<NewTally>& tallies) const {
  if (tallies.empty()) return;
  const std::lock_guard lock(backend_mutex_);
  try {
    WriteScope write(*backend_);
    for (const NewTally& t : tallies)
      backend_->put_tally(t.segment_sha256, t.key_sha256, t.compressed);
    write.commit();
  } catch (const StoreError&) {
    // A workspace that cannot be written (read-only, busy) keeps no tallies: the next evaluation
    // reads the rows again, with the same result.
  }
}

evidence::Evidence WorkspaceSource::read(const evidence::LoadOptions& options) const {
  evidence::Evidence evidence;
  evidence.skip_invalid = options.skip_invalid;
  std::vector<NewTally> new_tallies;
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    const auto it = kinds_.find(schema.kind);
    if (it == kinds_.end()) continue;
    const std::vector<std::string>& segments = it->second.segments;
    evidence::FileLoad load;
    if (options.sinks.contains(schema.kind)) {
      // A streamed kind (the transactions of KPI-10) is read a segment (a month) at a time, so
      // that the rows of one month at the most are in memory, not those of every month; or from
      // the month's tallies.
      for (std::size_t i = 0; i < segments.size(); ++i) {
        evidence::FileLoad part = read_streamed(schema, it->second, i, options, new_tallies);
        if (i == 0) {
          load = std::move(part);
        } else {
          merge_load(load, std::move(part));
        }
      }
    } else {
      load = evidence::load_evidence_text(
          schema,
          it->second.text(schema, compressed(schema.kind, it->second, 0, segments.size())).view(),
          options);
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
  keep_tallies(new_tallies);
  return evidence;
}

std::vector<evidence::RecordPosition> WorkspaceSource::locate(
    std::string_view kind, std::string_view field, std::span<const std::uint32_t> lines) const {
  const evidence::FileSchema* schema = evidence::find_schema(kind);
  const auto it = kinds_.find(kind);
  const std::string file = schema != nullptr ? std::string(schema->file_name) : std::string(kind);
  if (it == kinds_.end() || schema == nullptr)
    return evidence::locate_in_csv(file, {}, field, lines);
  const Kind& stored = it->second;
  return evidence::locate_in_csv(
      file, stored.text(*schema, compressed(kind, stored, 0, stored.segments.size())).view(), field,
      lines);
}

}  // namespace meetlat::store
