#include "evidence/load.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstring>
#include <future>
#include <memory>
#include <optional>
#include <unordered_map>

#include "evidence/csv_reader.h"
#include "evidence/repeated_strings.h"
#include "evidence/row_converter.h"
#include "io/mapped_file.h"
#include "text/did_you_mean.h"

namespace meetlat::evidence {
namespace {

struct Header {
  std::vector<int> file_column;  // per schema column
  std::size_t cells = 0;
  std::size_t data_begin = 0;
  std::uint32_t data_line = 1;
  std::vector<Diagnostic> problems;  // missing or duplicate columns: the file is unusable
};

// What a user needs to fix a header that lacks required columns: the columns found, a name
// that is likely a misspelt column ("Created_At" for created_at), and a separator that is not a
// comma (a semicolon, as Dutch spreadsheets write CSV).
std::string header_hint(const FileSchema& schema, const Header& header,
                        const std::vector<std::string>& found) {
  std::string hint;
  if (found.size() == 1 && found.front().find(';') != std::string::npos) {
    return "; the header is separated by semicolons (;), but meetlat reads comma-separated "
           "files: export with commas as separator (header found: " +
           found.front() + ")";
  }
  std::vector<std::string_view> unused;
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    if (header.file_column[c] < 0) unused.push_back(schema.columns[c].name);
  }
  std::string list;
  std::string guesses;
  for (const std::string& name : found) {
    list += (list.empty() ? "" : ", ") + name;
    if (schema.column_index(name) >= 0) continue;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (const auto guess = text::did_you_mean(lower, unused)) {
      guesses += (guesses.empty() ? "" : ", ") + ("'" + name + "' for " + *guess);
    }
  }
  hint = " (columns found: " + list + ")";
  if (!guesses.empty()) hint += "; did you mean " + guesses + "?";
  return hint;
}

// The position of the `{` or `[` a JSON document starts with, when `text` (from `begin`) is one
// rather than CSV: a tool's JSON export given as an evidence file.
std::optional<std::size_t> json_start(std::string_view text, std::size_t begin) {
  const std::size_t first = text.find_first_not_of(" \t\r\n", begin);
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) {
    return std::nullopt;
  }
  return first;
}

Header read_header(const FileSchema& schema, std::string_view text) {
  Header header;
  header.file_column.assign(schema.columns.size(), -1);
  const std::size_t begin = skip_bom(text);
  if (const auto json = json_start(text, begin)) {
    const std::string_view before = text.substr(0, *json);
    const auto line =
        static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start =
        before.rfind('\n') == std::string_view::npos ? begin : before.rfind('\n') + 1;
    header.problems.push_back(
        {{std::string(schema.file_name), line, display_column(text, line_start, *json)},
         DiagnosticKind::kMissingColumn,
         "this file is JSON, not CSV: meetlat reads comma-separated evidence files; convert a "
         "tool's JSON export with `meetlat convert --from PROFILE` (a Prometheus query_range "
         "export: --from prometheus; docs/sources.md)"});
    header.data_begin = text.size();
    header.data_line = line;
    return header;
  }
  CsvParser parser(text, begin, text.size(), 1);
  CsvRecord record;
  const std::string file(schema.file_name);
  std::vector<std::string> found;  // the header's cells, for a message on missing columns
  if (parser.next(record)) {
    for (const CsvCell& cell : record.cells) found.emplace_back(cell.text);
    if (!record.problem.message.empty()) {
      header.problems.push_back(
          {{file, record.problem.line,
            display_column(text, record.problem.line_start, record.problem.offset)},
           DiagnosticKind::kMalformedCsv,
           "header: " + std::string(record.problem.message)});
    }
    header.cells = record.cells.size();
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
      const CsvCell& cell = record.cells[i];
      const int c = schema.column_index(cell.text);
      if (c < 0) continue;
      if (header.file_column[static_cast<std::size_t>(c)] >= 0) {
        header.problems.push_back(
            {{file, cell.line, display_column(text, cell.line_start, cell.offset)},
             DiagnosticKind::kDuplicateColumn,
             "column " + std::string(cell.text) + " appears twice"});
      }
      header.file_column[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
  }
  // A malformed header (a lone CR, an open quote) is the problem to fix; the columns it seems to
  // lack would only be noise.
  const bool malformed =
      !header.problems.empty() && header.problems.front().kind == DiagnosticKind::kMalformedCsv;
  std::string missing;
  for (std::size_t c = 0; c < schema.columns.size() && !malformed; ++c) {
    if (!schema.columns[c].required || header.file_column[c] >= 0) continue;
    missing += (missing.empty() ? "" : ", ") + std::string(schema.columns[c].name);
  }
  if (!missing.empty()) {
    header.problems.insert(header.problems.begin(),
                           {{file, 1, 1},
                            DiagnosticKind::kMissingColumn,
                            "missing required column" +
                                std::string(missing.find(',') == std::string::npos ? "" : "s") +
                                ": " + missing + header_hint(schema, header, found)});
  }
  header.data_begin = parser.position();
  header.data_line = parser.line();
  return header;
}

struct ChunkSpec {
  std::size_t begin;
  std::size_t stop;  // read records that start before this offset
  std::uint32_t first_line;
};

// Rows in text[begin, end), estimated from the line feeds in its first 64 KiB (+10%).
std::size_t estimated_rows(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t sample = std::min<std::size_t>(end - begin, std::size_t{64} * 1024);
  const auto lines =
      static_cast<std::size_t>(std::count(text.data() + begin, text.data() + begin + sample, '\n'));
  if (sample == 0 || lines == 0) return 0;
  return (end - begin) / sample * lines * 11 / 10 + lines;
}

// A mapped file's pages behind the parser go back to the kernel every this many bytes, so a
// 1.2 GB file costs a few MiB of resident memory, not 1.2 GB.
constexpr std::size_t kReleaseBytes = std::size_t{8} << 20;

// Drops the whole pages of mapped `text` inside [from, to) from this process (MADV_DONTNEED on a
// read-only file mapping: touched again, they fault back in from the page cache unchanged).
void release_pages(std::string_view text, std::size_t from, std::size_t to) {
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t begin = (from + page - 1) / page * page;  // text.data() is page-aligned
  const std::size_t end = to / page * page;
  if (begin < end) {
    ::madvise(const_cast<char*>(text.data()) + begin, end - begin, MADV_DONTNEED);
  }
}

// Maps the pages of mapped `text` in [from, from + bytes) in one call (MADV_POPULATE_READ, a
// hint: faulting them in one by one as the parser reaches them costs more).
void populate_pages(std::string_view text, std::size_t from, std::size_t bytes) {
#ifdef MADV_POPULATE_READ
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t begin = from / page * page;
  if (begin >= text.size()) return;
  const std::size_t end = std::min(text.size(), from + bytes) / page * page;
  if (begin < end) {
    ::madvise(const_cast<char*>(text.data()) + begin, end - begin, MADV_POPULATE_READ);
  }
#else
  (void)text, (void)from, (void)bytes;
#endif
}

// Reads records starting in [spec.begin, spec.stop) into `chunk`, releasing the pages behind the
// parser when `release` (a mapped file); returns the parser's final
// position and line so a caller can check where it ended.
std::pair<std::size_t, std::uint32_t> read_chunk(
    const FileSchema& schema, const Header& header, std::string_view text, ChunkSpec spec,
    const LoadOptions& options, const RecordLocator& locator, Chunk& chunk, bool release,
    std::future<std::size_t>* later_stop = nullptr, std::atomic<std::size_t>* progress = nullptr) {
  if (chunk.sink == nullptr) {
    const std::size_t rows = estimated_rows(text, spec.begin, std::min(spec.stop, text.size()));
    chunk.table.reserve(rows);
    chunk.valid.reserve(rows);
  }
  RowConverter converter(schema, header.file_column, header.cells, locator, options, chunk);
  CsvParser parser(text, spec.begin, text.size(), spec.first_line);
  CsvRecord record;
  std::size_t kept = spec.begin;  // bytes before this may be handed back to the kernel
  for (std::size_t stop = spec.stop;;) {
    while (parser.position() < stop && parser.next(record)) {
      converter.add(record);
      if (parser.position() - kept >= kReleaseBytes) {
        if (release) {
          release_pages(text, kept, parser.position());
          populate_pages(text, parser.position() + kReleaseBytes, kReleaseBytes);
        }
        if (options.on_bytes_read) options.on_bytes_read(parser.position() - kept);
        kept = parser.position();
        if (progress != nullptr) progress->store(kept, std::memory_order_relaxed);
      }
    }
    if (later_stop == nullptr) break;
    // Reached spec.stop: go on to the stop that is known by now.
    stop = later_stop->get();
    later_stop = nullptr;
  }
  return {parser.position(), parser.line()};
}

// The sink factory for `schema`'s rows, or nullptr when its rows go into the table.
const RowSinkFactory* sink_factory(const FileSchema& schema, const LoadOptions& options) {
  if (!schema.key.empty()) return nullptr;
  const auto it = options.sinks.find(schema.kind);
  return it == options.sinks.end() || !it->second ? nullptr : &it->second;
}

// A chunk whose rows go to a new sink from `factory` (when set), kept in `sinks`.
std::unique_ptr<Chunk> new_chunk(const FileSchema& schema, const RowSinkFactory* factory,
                                 std::shared_ptr<RowSink>& sink) {
  auto chunk = std::make_unique<Chunk>(schema);
  if (factory != nullptr) {
    sink = (*factory)();
    chunk->sink = sink.get();
  }
  return chunk;
}

// Whether a record in the first 64 KiB of the data spans lines (a quoted cell holding a line
// break, as free-text fields of ticket exports do).
bool sample_has_multiline_records(std::string_view text, std::size_t begin) {
  const std::size_t end = std::min(text.size(), begin + std::size_t{64} * 1024);
  CsvParser parser(text, begin, end, 1);
  CsvRecord record;
  while (parser.next(record)) {
    if (parser.line() > record.line + 1 && parser.position() < end) return true;
  }
  return false;
}

// Reads all rows, in two halves on two threads when the file is large enough.
//
// When no record of the first 64 KiB spans lines, every line start is taken to be a record start:
// the second thread begins at once at the first line after the middle. Otherwise it first finds
// where its half starts (find_split_point, which reads the first half for quotes) while the first
// thread already parses up to the middle and then waits for that point; the split is moved past
// the middle by as much as the first thread got ahead meanwhile, so both finish together.
// ("Middle" and "half" are LoadOptions::first_part_share of the rows' bytes.)
// Either way the second half is kept only when the first half's reader ended exactly where it
// began; otherwise (a quoted line break across the split) the first reader reads on to the end.
Chunk read_rows(const FileSchema& schema, const Header& header, std::string_view text,
                const LoadOptions& options, const RecordLocator& locator,
                std::vector<std::shared_ptr<RowSink>>& sinks, bool release) {
  const RowSinkFactory* factory = sink_factory(schema, options);
  std::shared_ptr<RowSink> first_sink;
  std::unique_ptr<Chunk> first = new_chunk(schema, factory, first_sink);
  if (first_sink) sinks.push_back(first_sink);
  const std::size_t size = text.size() - header.data_begin;
  if (options.threads < 2 || size < options.split_threshold_bytes || size <= 1) {
    read_chunk(schema, header, text, {header.data_begin, text.size(), header.data_line}, options,
               locator, *first, release);
    return std::move(*first);
  }
  if (first->sink == nullptr) {
    // Room for the whole file in the first half, which the second is appended to: the merge
    // then neither moves the columns nor rehashes the id dictionaries.
    const std::size_t rows = estimated_rows(text, header.data_begin, text.size());
    first->table.reserve(rows);
    first->valid.reserve(rows);
  }
  std::shared_ptr<RowSink> second_sink;
  std::unique_ptr<Chunk> second_chunk = new_chunk(schema, factory, second_sink);
  if (first_sink && second_sink) first_sink->lead(*second_sink);
  const double share = std::clamp(options.first_part_share, 0.05, 0.95);
  const std::size_t middle =
      header.data_begin + static_cast<std::size_t>(static_cast<double>(size) * share);
  std::atomic<std::size_t> progress{header.data_begin};  // how far the first thread has read
  std::promise<std::size_t> split_promise;
  std::future<std::size_t> split_known = split_promise.get_future();
  // The split when every line start is a record start: just after the first line feed from the
  // middle on; 0 when the quotes must be counted.
  std::size_t line_split = 0;
  if (!sample_has_multiline_records(text, header.data_begin)) {
    const void* lf = std::memchr(text.data() + middle, '\n', text.size() - middle);
    line_split = lf == nullptr
                     ? text.size()
                     : static_cast<std::size_t>(static_cast<const char*>(lf) - text.data()) + 1;
  }
  std::atomic<std::size_t> split_found{text.size()};  // set before split_promise
  auto second = std::async(std::launch::async, [&] {
    // The second sink is told its part ended however this thread leaves.
    struct Finish {
      RowSink* sink;
      ~Finish() {
        if (sink != nullptr) sink->finish();
      }
    } finish{second_sink.get()};
    if (line_split != 0) {
      if (line_split < text.size()) {
        read_chunk(schema, header, text, {line_split, text.size(), 1}, options, locator,
                   *second_chunk, release);
      }
      return line_split;
    }
    std::size_t split = text.size();
    try {
      ScannedRange scanned;
      if (release) {
        scanned = [text](std::size_t from, std::size_t to) { release_pages(text, from, to); };
      }
      // The first thread has parsed on while this one counted quotes up to the middle: split
      // where what is left would take both equally long.
      const Retarget balance = [&](std::size_t target) {
        const std::size_t done = progress.load(std::memory_order_relaxed);
        return std::max(target, done + static_cast<std::size_t>(
                                           static_cast<double>(text.size() - done) * share));
      };
      split = find_split_point(text, header.data_begin, text.size(), middle, scanned, balance);
    } catch (...) {
      split_promise.set_value(text.size());  // the first thread reads everything
      throw;
    }
    split_found.store(split);
    split_promise.set_value(split);
    if (split < text.size()) {
      read_chunk(schema, header, text, {split, text.size(), 1}, options, locator, *second_chunk,
                 release);
    }
    return split;
  });
  const auto [end, line] =
      line_split != 0
          ? read_chunk(schema, header, text, {header.data_begin, line_split, header.data_line},
                       options, locator, *first, release)
          : read_chunk(schema, header, text, {header.data_begin, middle, header.data_line}, options,
                       locator, *first, release, &split_known, &progress);
  // The first reader has waited for the split when the quotes were counted.
  const std::size_t split_point = line_split != 0 ? line_split : split_found.load();
  if (first_sink && second_sink && split_point < text.size() && end == split_point) {
    first_sink->follow(*second_sink);
  }
  const std::size_t split = second.get();
  if (split >= text.size()) return std::move(*first);  // no split: the first read everything
  if (end == split) {
    second_chunk->shift_lines(line - 1);
    first->append(std::move(*second_chunk));
    if (second_sink) sinks.push_back(second_sink);
  } else if (end < text.size()) {
    read_chunk(schema, header, text, {end, text.size(), line}, options, locator, *first, release);
  }
  return std::move(*first);
}

// Positions in a CSV file: its name, the line and the display column of a character.
class CsvLocator final : public RecordLocator {
 public:
  CsvLocator(std::string_view file, std::string_view text, const Header& header)
      : file_(file), text_(text), header_(header) {}

  RecordPosition cell(const CsvCell& cell, std::size_t inner_offset,
                      std::size_t /*field*/) const override {
    const std::size_t offset = cell.offset + inner_offset + (cell.quoted ? 1 : 0);
    return {file_, cell.line, display_column(text_, cell.line_start, offset)};
  }

  // Reads the records that start on `lines` again (only duplicate rows need it, so no column is
  // kept per row while loading); column 1 where the cell is not found.
  std::vector<RecordPosition> cells_at(std::size_t field,
                                       std::span<const std::uint32_t> lines) const override {
    std::vector<std::uint32_t> sorted(lines.begin(), lines.end());
    std::sort(sorted.begin(), sorted.end());
    std::unordered_map<std::uint32_t, std::uint32_t> columns;
    std::size_t pos = header_.data_begin;
    std::uint32_t line = header_.data_line;
    for (const std::uint32_t want : sorted) {
      for (; line < want; ++line) {
        const void* lf = std::memchr(text_.data() + pos, '\n', text_.size() - pos);
        if (lf == nullptr) break;
        pos = static_cast<std::size_t>(static_cast<const char*>(lf) - text_.data()) + 1;
      }
      if (line < want) break;
      CsvParser parser(text_, pos, text_.size(), line);
      CsvRecord record;
      if (field != kNoField && parser.next(record) && field < record.cells.size()) {
        const CsvCell& cell = record.cells[field];
        columns[want] = display_column(text_, cell.line_start, cell.offset + (cell.quoted ? 1 : 0));
      }
    }
    std::vector<RecordPosition> out;
    out.reserve(lines.size());
    for (const std::uint32_t l : lines) {
      const auto column = columns.find(l);
      out.emplace_back(file_, l, column == columns.end() ? 1 : column->second);
    }
    return out;
  }

  const std::string& source() const override { return file_; }
  std::string record_phrase(std::uint32_t line) const override {
    return "on line " + std::to_string(line);
  }

 private:
  std::string file_;
  std::string_view text_;
  const Header& header_;
};

FileLoad unusable_file(const FileSchema& schema, std::string_view text, Header header) {
  FileLoad load;
  std::uint64_t rows = 0;
  CsvParser parser(text, header.data_begin, text.size(), header.data_line);
  CsvRecord record;
  while (parser.next(record)) ++rows;
  load.diagnostics = std::move(header.problems);
  if (rows > 0) {
    load.skipped = SkippedRows{std::string(schema.file_name), rows, {}};
    for (const Diagnostic& d : load.diagnostics) load.skipped->reasons.emplace_back(d.kind, 1);
  }
  return load;
}

// Reads `text` of one file; `release`: it is a mapping whose pages may be released behind the
// parser.
FileLoad load_text(const FileSchema& schema, std::string_view text, const LoadOptions& options,
                   bool release);

}  // namespace

const Table* Evidence::find(std::string_view kind) const {
  const auto it = tables.find(kind);
  return it == tables.end() ? nullptr : &it->second;
}

void Evidence::add(std::string_view kind, FileLoad&& load) {
  auto move_into = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  move_into(diagnostics, load.diagnostics);
  move_into(warnings, load.warnings);
  if (load.skipped) skipped.push_back(std::move(*load.skipped));
  if (load.table) tables.emplace(std::string(kind), std::move(*load.table));
  if (!load.sinks.empty()) sinks[std::string(kind)] = std::move(load.sinks);
}

std::string Evidence::summary(std::size_t limit) const {
  std::string text;
  if (!skip_invalid) {
    text = summarize_diagnostics(diagnostics, limit);
  } else {
    for (const SkippedRows& s : skipped) text += s.to_string() + "\n";
  }
  for (const Warning& w : warnings) text += w.to_string() + "\n";
  return text;
}

namespace {

// A warning for every file in `dir` that is not an evidence file (hidden files and folders
// aside), with the evidence file it most likely meant ("Outages.csv", "slm-sessions.csv").
// Throws EvidenceError when `dir` holds no evidence file at all: every KPI would be no_data.
std::vector<Warning> folder_warnings(const std::filesystem::path& dir) {
  std::vector<std::string_view> known;
  for (const FileSchema& schema : all_schemas()) known.push_back(schema.file_name);
  std::vector<Warning> warnings;
  bool any_evidence = false;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      any_evidence = true;  // whatever it is: reading it says what is wrong with it
      continue;
    }
    std::error_code ignored;  // a link that loops or dangles is not a folder
    if (name.starts_with('.') || entry.is_directory(ignored)) continue;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Warning w{{name}, WarningKind::kUnrecognisedFile, "", 0, ""};
    if (const auto guess = text::did_you_mean(lower, known)) w.suggestion = *guess;
    warnings.push_back(std::move(w));
  }
  if (error) throw EvidenceError("cannot read the folder " + dir.string() + ": " + error.message());
  std::sort(warnings.begin(), warnings.end(),
            [](const Warning& a, const Warning& b) { return a.first.source < b.first.source; });
  if (!any_evidence) {
    throw EvidenceError(
        dir.string() + ": no evidence file in the folder (" + std::to_string(warnings.size()) +
        (warnings.size() == 1 ? " other file" : " other files") +
        "); evidence files are named tickets.csv, outages.csv, ... (docs/evidence.md)" +
        (warnings.empty() ? "" : "; " + warnings.front().to_string()) +
        "; a tool's own export is converted into evidence files with `meetlat convert` "
        "(docs/sources.md)");
  }
  return warnings;
}

}  // namespace

Evidence load_evidence(const std::filesystem::path& dir, const LoadOptions& options) {
  Evidence evidence;
  evidence.skip_invalid = options.skip_invalid;
  evidence.warnings = folder_warnings(dir);
  for (const FileSchema& schema : all_schemas()) {
    const std::filesystem::path path = dir / std::string(schema.file_name);
    if (io::presence(path) == io::Presence::kAbsent) continue;
    evidence.add(schema.kind, load_evidence_file(schema, path, options));
  }
  return evidence;
}

std::vector<Warning> check_evidence_folder(const std::filesystem::path& dir) {
  return folder_warnings(dir);
}

FileLoad load_evidence_file(const FileSchema& schema, const std::filesystem::path& path,
                            const LoadOptions& options) {
  const io::MappedFile bytes(path);
  FileLoad load = load_text(schema, bytes.text(), options, bytes.mapped());
  bytes.check_unchanged();
  return load;
}

FileLoad load_evidence_text(const FileSchema& schema, std::string_view text,
                            const LoadOptions& options) {
  return load_text(schema, text, options, false);
}

namespace {

FileLoad load_text(const FileSchema& schema, std::string_view text, const LoadOptions& options,
                   bool release) {
  Header header = read_header(schema, text);
  if (!header.problems.empty()) return unusable_file(schema, text, std::move(header));
  const CsvLocator locator(schema.file_name, text, header);
  std::vector<std::shared_ptr<RowSink>> sinks;
  Chunk chunk = read_rows(schema, header, text, options, locator, sinks, release);
  FileLoad load = finish_load(schema, header.file_column, locator, std::move(chunk));
  load.sinks = std::move(sinks);
  return load;
}

}  // namespace

}  // namespace meetlat::evidence
