#include "store/workspace.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "evidence/load.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/sqlite_backend.h"
#include "store/store_error.h"
#include "store/store_test_support.h"

namespace meetlat::store {
namespace {

using testing::amsterdam;

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meetlat-ws-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static IncomingFile incoming(std::string_view kind, const std::string& text) {
    const evidence::FileSchema* schema = evidence::find_schema(kind);
    evidence::LoadOptions options{amsterdam()};
    return {std::string(schema->file_name), schema,
            evidence::load_evidence_text(*schema, text, options)};
  }

  static ImportResult import(Workspace& ws, std::string_view kind, const std::string& text,
                             bool skip_invalid = false) {
    std::vector<IncomingFile> files;
    files.push_back(incoming(kind, text));
    return ws.import_files(std::move(files), skip_invalid, amsterdam(), "tester");
  }

  // The tickets as the workspace's evidence source reads them: id -> priority and created_at.
  static std::string stored_tickets(Workspace& ws) {
    evidence::LoadOptions options{amsterdam()};
    const evidence::Evidence evidence = ws.evidence()->read(options);
    const evidence::Table* table = evidence.find("tickets");
    if (table == nullptr) return "(none)";
    std::string out;
    for (std::size_t row = 0; row < table->rows(); ++row) {
      out += std::string(table->text("id", row)) + " " + std::string(table->text("priority", row)) +
             ";";
    }
    return out;
  }

  std::filesystem::path dir_;
};

constexpr const char* kHeader = "id,priority,created_at\n";

TEST_F(WorkspaceTest, AMonthReadInFramesIsStoredAndReadBackAsItsRows) {
  // A month of transactions streamed through CanonicalRowsSinks in two halves is stored as the
  // frames made while reading; it reads back as its rows, the same rows again are unchanged, and
  // one more row merges with them.
  std::string text = "at,name,duration_ms\n";
  for (int i = 0; i < 3000; ++i) {
    text += "2026-10-" + std::to_string(10 + i % 9) + " 10:" + std::to_string(10 + i % 50) + ",n" +
            std::to_string(i % 4) + "," + std::to_string(i % 700) + ".25\n";
  }
  auto streamed = [](const std::string& file) {
    const evidence::FileSchema* schema = evidence::find_schema("transactions");
    evidence::LoadOptions options{amsterdam()};
    options.split_threshold_bytes = 1;
    options.sinks["transactions"] = [] { return std::make_shared<CanonicalRowsSink>(amsterdam()); };
    std::vector<IncomingFile> files;
    files.push_back(
        {"transactions.csv", schema, evidence::load_evidence_text(*schema, file, options)});
    EXPECT_EQ(files.back().load.sinks.size(), 2U);
    return files;
  };
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  ImportResult first = ws.import_files(streamed(text), false, amsterdam(), "tester");
  ASSERT_FALSE(first.refused);
  EXPECT_EQ(first.files[0].accepted, 3000U);
  auto stored_rows = [&ws] {
    evidence::LoadOptions options{amsterdam()};
    const evidence::Evidence evidence = ws.evidence()->read(options);
    return canonical_parts(*evidence.find("transactions"), amsterdam()).at("2026-10").text;
  };
  const std::string rows =
      canonical_parts(incoming("transactions", text).load.table.value(), amsterdam())
          .at("2026-10")
          .text;
  EXPECT_EQ(stored_rows(), rows);
  ImportResult again = ws.import_files(streamed(text), false, amsterdam(), "tester");
  EXPECT_EQ(again.files[0].unchanged, 3000U);
  EXPECT_EQ(again.files[0].accepted, 0U);
  EXPECT_EQ(stored_rows(), rows);
  ImportResult more =
      ws.import_files(streamed(text + "2026-10-31 12:00,n9,1.5\n"), false, amsterdam(), "tester");
  EXPECT_EQ(more.files[0].accepted, 1U);
  EXPECT_EQ(more.files[0].unchanged, 3000U);
  EXPECT_EQ(stored_rows(), rows + "2026-10-31T11:00:00Z,n9,1.5\n");
}

// A sink that keeps each row it is given as "at name duration" (the order of the parts aside).
class RowsSeen final : public evidence::RowSink {
 public:
  void add(const evidence::Table& table, std::size_t row) override {
    rows.push_back(std::to_string(table.column(0).instants[row].time_since_epoch().count()) + " " +
                   std::string(table.text("name", row)) + " " +
                   std::to_string(table.column(2).numbers[row]));
  }
  std::vector<std::string> rows;
};

// A streamed kind kept in columns is given to one sink straight from its values; one kept as text
// (by an older meetlat) is read a chunk of frames at a time (set_chunk_bytes). Either way every
// row reaches the sinks once.
TEST_F(WorkspaceTest, AStreamedMonthReadInChunksGivesEveryRowOnce) {
  std::string text = "at,name,duration_ms\n";
  for (int i = 0; i < 3000; ++i) {
    text += "2026-10-" + std::to_string(10 + i % 9) + " 10:" + std::to_string(10 + i % 50) + ",n" +
            std::to_string(i % 4) + "," + std::to_string(i % 700) + ".25\n";
  }
  const evidence::FileSchema* schema = evidence::find_schema("transactions");
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  {
    // Read in two halves, in pieces of 4 KB: a segment of several frames.
    evidence::LoadOptions options{amsterdam()};
    options.split_threshold_bytes = 1;
    options.sinks["transactions"] = [] {
      return std::make_shared<CanonicalRowsSink>(amsterdam(), 4096);
    };
    std::vector<IncomingFile> files;
    files.push_back(
        {"transactions.csv", schema, evidence::load_evidence_text(*schema, text, options)});
    ASSERT_FALSE(ws.import_files(std::move(files), false, amsterdam(), "tester").refused);
  }
  std::vector<std::string> expected;
  {
    RowsSeen all;
    const evidence::FileLoad read =
        evidence::load_evidence_text(*schema, text, evidence::LoadOptions{amsterdam()});
    for (std::size_t row = 0; row < read.table->rows(); ++row) all.add(*read.table, row);
    expected = std::move(all.rows);
  }
  std::sort(expected.begin(), expected.end());
  // Returns the number of sinks.
  auto read_every_row = [&ws, &expected](std::size_t chunk) {
    auto source = ws.evidence();
    source->set_chunk_bytes(chunk);
    evidence::LoadOptions options{amsterdam()};
    options.split_threshold_bytes = 1;
    options.sinks["transactions"] = [] { return std::make_shared<RowsSeen>(); };
    const evidence::Evidence evidence = source->read(options);
    std::vector<std::string> seen;
    std::size_t sinks = 0;
    for (const auto& sink : evidence.sinks.at("transactions")) {
      const auto& rows = dynamic_cast<const RowsSeen&>(*sink).rows;
      seen.insert(seen.end(), rows.begin(), rows.end());
      ++sinks;
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, expected) << "chunks of " << chunk << " bytes";
    return sinks;
  };
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{256} << 20}) {
    EXPECT_EQ(read_every_row(chunk), 1U) << "columns, chunks of " << chunk << " bytes";
  }
  // The segment as an older meetlat kept it: canonical text in frames of about 8 KB.
  {
    const std::unique_ptr<Backend> backend = open_sqlite_backend(dir_ / "workspace.sqlite");
    WriteScope write(*backend);
    SegmentInfo info = backend->segment({"transactions", "2026-10"}).value();
    const std::string rows = segment_text(*schema, info.encoding, backend->segment_bytes(info.key));
    std::vector<std::string> frames;
    for (std::size_t at = 0; at < rows.size();) {
      const std::size_t end = rows.find('\n', std::min(rows.size() - 1, at + 8192)) + 1;
      frames.push_back(compress(std::string_view(rows).substr(at, end - at)));
      at = end;
    }
    ASSERT_GT(frames.size(), 2U);
    info.encoding = "csv";
    info.sha256 = sha256_hex(rows);
    backend->put_segment(info, frames);
    write.commit();
  }
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{256} << 20}) {
    // Two halves per chunk: a chunk per frame makes more than one chunk.
    const std::size_t sinks = read_every_row(chunk);
    EXPECT_EQ(sinks > 2, chunk == 1) << sinks << " sinks for text in chunks of " << chunk;
  }
}

TEST_F(WorkspaceTest, ABareDateInAnHourTheZoneSkipsIsReadAsTheLoaderReadsIt) {
  // Kept in columns, a bare date is its date; read in Santiago, where 2026-09-06 begins at 01:00
  // (the hour from midnight is skipped), its first instant is what the loader makes of the cell,
  // with the loader's warning: such a segment is read as text.
  const std::string text = "at,name,duration_ms\n2026-09-06,n,1\n2026-09-07T10:00:00Z,n,2\n";
  const evidence::FileSchema* schema = evidence::find_schema("transactions");
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  {
    evidence::LoadOptions options{amsterdam()};
    options.sinks["transactions"] = [] { return std::make_shared<CanonicalRowsSink>(amsterdam()); };
    std::vector<IncomingFile> files;
    files.push_back(
        {"transactions.csv", schema, evidence::load_evidence_text(*schema, text, options)});
    ASSERT_FALSE(ws.import_files(std::move(files), false, amsterdam(), "tester").refused);
  }
  static const time::Zone santiago = time::Zone::load("America/Santiago");
  evidence::LoadOptions options{santiago};
  options.sinks["transactions"] = [] { return std::make_shared<RowsSeen>(); };
  const evidence::Evidence stored = ws.evidence()->read(options);
  evidence::Evidence files;
  files.add("transactions", evidence::load_evidence_text(*schema, text, options));
  auto rows_of = [](const evidence::Evidence& evidence) {
    std::vector<std::string> rows;
    for (const auto& sink : evidence.sinks.at("transactions")) {
      const auto& seen = dynamic_cast<const RowsSeen&>(*sink).rows;
      rows.insert(rows.end(), seen.begin(), seen.end());
    }
    return rows;
  };
  EXPECT_EQ(rows_of(stored), rows_of(files));
  EXPECT_EQ(stored.warnings.size(), 1U);
  EXPECT_EQ(files.warnings.size(), 1U);
}

TEST_F(WorkspaceTest, ImportCountsAcceptedUnchangedCorrected) {
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  auto first = import(ws, "tickets",
                      std::string(kHeader) + "A,P1,2026-10-05 09:00\nB,P2,2026-10-05 10:00\n");
  ASSERT_FALSE(first.refused);
  ASSERT_EQ(first.files.size(), 1U);
  EXPECT_EQ(first.files[0].accepted, 2U);
  EXPECT_EQ(stored_tickets(ws), "A P1;B P2;");

  // The same records in another spelling: unchanged.
  auto again =
      import(ws, "tickets",
             std::string(kHeader) + "A,P1,2026-10-05T07:00:00Z\nB,P2,2026-10-05 10:00:00\n");
  EXPECT_EQ(again.files[0].accepted, 0U);
  EXPECT_EQ(again.files[0].unchanged, 2U);
  EXPECT_EQ(stored_tickets(ws), "A P1;B P2;");

  // B changed, C is new: one correction (B keeps its place), one accepted.
  auto third = import(ws, "tickets",
                      std::string(kHeader) + "B,P1,2026-10-05 10:00\nC,P3,2026-10-06 10:00\n");
  EXPECT_EQ(third.files[0].accepted, 1U);
  EXPECT_EQ(third.files[0].unchanged, 0U);
  EXPECT_EQ(third.files[0].corrected, 1U);
  EXPECT_EQ(stored_tickets(ws), "A P1;B P1;C P3;");

  const auto check = ws.verify_audit();
  EXPECT_TRUE(check.ok()) << check.problems.front();
  EXPECT_EQ(check.events, 4);  // init and three imports
  const auto events = ws.audit_events();
  const auto details = nlohmann::json::parse(events.back().details);
  EXPECT_EQ(details.at("corrections").at("count"), 1);
  EXPECT_EQ(events.back().actor, "tester");
  EXPECT_EQ(events.back().prev, events[2].hash);
}

TEST_F(WorkspaceTest, AnInvalidRowRefusesTheWholeImport) {
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  import(ws, "tickets", std::string(kHeader) + "A,P1,2026-10-05 09:00\n");
  std::vector<IncomingFile> files;
  files.push_back(incoming("tickets", std::string(kHeader) + "B,P1,2026-10-05 09:00\n"));
  files.push_back(incoming("outages", "id,start\nO1,2026-13-01 10:00\n"));
  const auto refused = ws.import_files(std::move(files), false, amsterdam(), "tester");
  EXPECT_TRUE(refused.refused);
  ASSERT_EQ(refused.diagnostics.size(), 1U);
  EXPECT_EQ(refused.diagnostics[0].at.to_string(), "outages.csv:2:9");
  EXPECT_EQ(stored_tickets(ws), "A P1;");
  EXPECT_EQ(ws.audit_events().size(), 2U);

  // With skip_invalid the valid rows go in and the invalid one is counted.
  const auto skipped = import(
      ws, "tickets", std::string(kHeader) + "B,P9,2026-10-05 09:00\nC,P2,2026-10-05\n", true);
  EXPECT_FALSE(skipped.refused);
  EXPECT_EQ(skipped.files[0].accepted, 1U);
  EXPECT_EQ(skipped.files[0].rejected, 1U);
  EXPECT_EQ(stored_tickets(ws), "A P1;C P2;");
}

TEST_F(WorkspaceTest, KeylessEvidenceMergesByIdentityAndOccurrence) {
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  const std::string header = "at,name,duration_ms\n";
  auto first = import(ws, "transactions",
                      header +
                          "2026-10-05T07:00:00Z,a,10\n2026-10-05T07:00:00Z,a,20\n"
                          "2026-11-05T07:00:00Z,a,30\n");
  EXPECT_EQ(first.files[0].accepted, 3U);
  // October again, with its second value corrected and a third at the same second: November is
  // not touched.
  auto second = import(ws, "transactions",
                       header +
                           "2026-10-05T07:00:00Z,a,10\n2026-10-05T07:00:00Z,a,25\n"
                           "2026-10-05T07:00:00Z,a,5\n");
  EXPECT_EQ(second.files[0].unchanged, 1U);
  EXPECT_EQ(second.files[0].corrected, 1U);
  EXPECT_EQ(second.files[0].accepted, 1U);
  evidence::LoadOptions options{amsterdam()};
  const auto evidence = ws.evidence()->read(options);
  const auto durations = evidence.find("transactions")->numbers("duration_ms");
  EXPECT_EQ(std::vector<double>(durations.begin(), durations.end()),
            (std::vector<double>{10, 25, 5, 30}));
  const auto details = nlohmann::json::parse(ws.audit_events().back().details);
  ASSERT_EQ(details.at("segments").size(), 1U);
  EXPECT_EQ(details.at("segments")[0].at("part"), "2026-10");
  EXPECT_TRUE(ws.verify_audit().ok());
}

TEST_F(WorkspaceTest, OptionalColumnsStayAbsentUntilAnImportHasThem) {
  Workspace ws = Workspace::create(dir_, "contract: {}\n", "tester");
  import(ws, "tickets", std::string(kHeader) + "A,P1,2026-10-05 09:00\n");
  evidence::LoadOptions options{amsterdam()};
  EXPECT_FALSE(ws.evidence()->read(options).find("tickets")->in_file("responded_at"));
  const auto second =
      import(ws, "tickets", "id,priority,created_at,responded_at\nB,P1,2026-10-05 09:00,\n");
  EXPECT_EQ(second.files[0].accepted, 1U);
  EXPECT_TRUE(ws.evidence()->read(options).find("tickets")->in_file("responded_at"));
  EXPECT_TRUE(ws.verify_audit().ok());
}

TEST_F(WorkspaceTest, OpensWhatItCreatedAndRefusesTwice) {
  { Workspace::create(dir_, "contract: 1\n", "tester"); }
  EXPECT_TRUE(Workspace::is_workspace(dir_));
  Workspace ws = Workspace::open(dir_);
  EXPECT_EQ(ws.contract_versions().back().yaml, "contract: 1\n");
  EXPECT_THROW(Workspace::create(dir_, "contract: 2\n", "tester"), StoreError);
  EXPECT_EQ(Workspace::open(dir_).contract_versions().back().yaml, "contract: 1\n");
  const auto amended = ws.apply_amendment("note: x\n", "2027-01", "tester");
  EXPECT_EQ(amended.version, 2);
  const auto versions = Workspace::open(dir_).contract_versions();
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[1].effective_from, "2027-01");
  EXPECT_TRUE(ws.verify_audit().ok());
  EXPECT_EQ(ws.audit_events().back().action, "contract");
  EXPECT_THROW(Workspace::open(dir_ / "nothing"), StoreError);
}

}  // namespace
}  // namespace meetlat::store
