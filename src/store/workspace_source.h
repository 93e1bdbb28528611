// The evidence of a workspace as an EvidenceSource (evidence/source.h): the stored canonical
// rows of each kind, read back through the same loader and checks as a folder of CSV files, so
// an evaluation of the workspace gives the result an evaluation of the imported files gives.
//
// Approved exemptions of the workspace's register are rows of the exemptions kind, after the
// imported ones; the action register's actions are rows of the actions kind, after the imported
// ones (action_register.h).
//
// The list of segments (kind, part, digest) is taken from the back end once, in one read snapshot,
// when the source is made; read() takes each segment's compressed rows when it needs them (a
// segment replaced since by an import is an error, never a silent mix) and decompresses them, a
// streamed kind (LoadOptions::sinks: the transactions of KPI-10) a segment (a month) at a time, so
// that one month of its rows at the most is in memory. A streamed month kept in columns
// (column_rows.h) is given to its sink from the decoded values, without text; one kept as text is
// parsed as a file is. Reading the source later does not see later imports.
//
// Tallies: when the sink of a streamed kind is an evidence::SummarisingSink (the latency
// accumulator), a month's segment is not read at all if the back end holds the sink's summaries
// of it (Backend::tally, by the segment's digest and each summary key's digest): they are added
// to the sink instead of the rows. A segment read for want of them is summarised after reading,
// and the summaries are stored (in a write transaction of their own; when the workspace cannot be
// written, they are not kept and nothing else changes). So the first evaluation of a month under
// a contract version reads its rows, the next ones read its tallies, and a month whose rows may
// lie after as_of (the month in progress) is always read. Positions are those of
// the kind's rows as stored ("tickets.csv:12:5": line 12 of the stored rows with their header),
// which are the imported file's lines when one file was imported.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "evidence/source.h"
#include "store/backend.h"
#include "store/large_buffer.h"

namespace meetlat::store {

class WorkspaceSource final : public evidence::EvidenceSource {
 public:
  // Takes a snapshot of the evidence of the back end `shared`; keeps it for the tallies. The
  // actions of `entering` that a close would enter into the register (action_register.h
  // unregistered) are taken as registered, after the register's: the evidence as that close
  // leaves it (a close evaluates its period so, since its entries count in KPI-06).
  WorkspaceSource(std::shared_ptr<Backend> shared, bool skip_invalid,
                  const std::vector<RegisteredAction>& entering = {});

  evidence::Evidence read(const evidence::LoadOptions& options) const override;
  std::vector<evidence::RecordPosition> locate(std::string_view kind, std::string_view field,
                                               std::span<const std::uint32_t> lines) const override;

  // How many bytes of a streamed kind's rows kept as text read() decompresses and parses at a
  // time (at least one zstd frame); 256 MiB unless set. Smaller bounds the memory, at the cost of
  // more sinks to merge.
  void set_chunk_bytes(std::size_t bytes) { chunk_bytes_ = bytes; }

  // The digest of the evidence in the snapshot: SHA-256 over every segment's kind, part and
  // digest. Equal digests, equal evidence.
  const std::string& evidence_sha256() const { return evidence_sha256_; }
  // The action register in the snapshot, in the order registered, then the actions entering.
  const std::vector<RegisteredAction>& registered_actions() const { return registered_; }

 private:
  using Text = LargeBuffer;
  struct Kind {
    // Per segment, by part: its compressed canonical rows when made by the source (the
    // registers' rows), "" when stored in the back end (read when needed).
    std::vector<std::string> segments;
    std::vector<std::string> parts;      // per segment: its part ("2026-10"; "" for a whole kind)
    std::vector<std::string> sha256;     // per segment: its digest
    std::vector<std::string> encodings;  // per segment: its encoding (column_rows.h)
    std::string columns;                 // optional columns any import had
    // The header and the canonical rows of `stored` (the compressed rows of the kind's segments
    // from `first` on).
    Text text(const evidence::FileSchema& schema, std::span<const std::string> stored,
              std::size_t first = 0) const;
  };
  // The compressed rows of `kind`'s segments [first, first + count), by part.
  std::vector<std::string> compressed(std::string_view kind_name, const Kind& kind,
                                      std::size_t first, std::size_t count) const;
  // A tally found missing while reading, to be stored.
  struct NewTally {
    std::string segment_sha256, key_sha256, compressed;
  };
  // Segment `i` of the streamed `kind`: from its tallies when the back end has them all, else
  // from its rows (adding their tallies to `new_tallies`).
  evidence::FileLoad read_streamed(const evidence::FileSchema& schema, const Kind& kind,
                                   std::size_t i, const evidence::LoadOptions& options,
                                   std::vector<NewTally>& new_tallies) const;
  // Stores `tallies`, unless the workspace cannot be written.
  void keep_tallies(const std::vector<NewTally>& tallies) const;

  std::shared_ptr<Backend> backend_;
  mutable std::mutex backend_mutex_;  // a back end is used by one thread at a time
  std::map<std::string, Kind, std::less<>> kinds_;
  std::size_t chunk_bytes_ = std::size_t{256} << 20;
  std::string evidence_sha256_;
  std::vector<RegisteredAction> registered_;
};

// The register's approved exemptions as canonical rows of exemptions.csv (evidence, record,
// reason, approved_by, approved_on), one per record, in register order.
std::string approved_exemption_rows(const std::vector<Exemption>& exemptions);

// WorkspaceSource::evidence_sha256() of `segments` (backend.h: by kind and part), the approved
// exemptions' rows and the action register's rows; the second form reads them from `backend`
// (inside the caller's transaction).
std::string evidence_digest(const std::vector<SegmentInfo>& segments,
                            std::string_view approved_exemptions,
                            std::string_view registered_actions);
std::string evidence_digest(Backend& backend);

}  // namespace meetlat::store
