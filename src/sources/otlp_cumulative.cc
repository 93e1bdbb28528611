#include "sources/otlp_cumulative.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "sources/exact_text.h"
#include "sources/otlp_input.h"

namespace meetlat::sources {
namespace {

// Where a point was read: its table and JSON path.
struct PointPlace {
  std::size_t table = 0;
  std::string path;
  bool operator<(const PointPlace& other) const {
    return std::tie(table, path) < std::tie(other.table, other.path);
  }
};

// The columns of one table that the differencing reads (-1 when absent).
struct Columns {
  int temporality = -1;
  int point = -1;
  int series = -1;
  int time = -1;
  int layout = -1;
  int metric = -1;
  int from = -1;
  int count = -1;
  int above = -1;
  int at_most = -1;
  int scale = -1;
  int index = -1;
};

Columns columns_of(const InputTable& table) {
  return Columns{table.column_index(kOtlpTemporality), table.column_index(kOtlpPoint),
                 table.column_index(kOtlpSeries),      table.column_index(kOtlpTime),
                 table.column_index(kOtlpLayout),      table.column_index("metric"),
                 table.column_index("from"),           table.column_index("count"),
                 table.column_index("above_ms"),       table.column_index("at_most_ms"),
                 table.column_index(kOtlpScale),       table.column_index(kOtlpIndex)};
}

const std::string& cell(const InputTable& table, std::size_t row, int column) {
  return table.rows[row][static_cast<std::size_t>(column)];
}

// A bucket of a point: an exponential positive bucket by its index at the point's scale (so that
// a coarser scale can merge it), any other (explicit, or the zero bucket) by its bounds in ms.
struct BucketKey {
  std::optional<std::int64_t> index;
  std::string above;
  std::string at_most;
  bool operator<(const BucketKey& other) const {
    return std::tie(index, above, at_most) < std::tie(other.index, other.above, other.at_most);
  }
  bool operator==(const BucketKey& other) const {
    return std::tie(index, above, at_most) == std::tie(other.index, other.above, other.at_most);
  }
};

std::string bucket_text(const BucketKey& b, std::optional<int> scale) {
  if (b.index) {
    return "bucket " + std::to_string(*b.index) + " of scale " + std::to_string(scale.value_or(0));
  }
  return "bucket (" + (b.above.empty() ? std::string("-inf") : b.above) + ", " +
         (b.at_most.empty() ? std::string("+inf") : b.at_most) + "] ms";
}

using Counts = std::map<BucketKey, std::uint64_t>;

// `counts` of exponential buckets at a scale `by` coarser: bucket i becomes i >> by (each bucket
// of the coarser scale is 2^by adjacent ones of the finer); the zero bucket stays.
Counts downscaled(const Counts& counts, int by) {
  Counts out;
  for (const auto& [bucket, count] : counts) {
    BucketKey coarser = bucket;
    if (bucket.index) coarser.index = *bucket.index >> by;
    out[coarser] += count;
  }
  return out;
}

// One cumulative point: its rows, and its counts since the series' start.
struct Point {
  PointPlace place;
  std::uint64_t time = 0;
  std::string layout;
  std::optional<int> scale;  // exponential points
  std::vector<std::size_t> rows;
  Counts counts;  // the buckets that counted anything
};

// A new count and window start for one row; count 0 leaves the row out.
struct Change {
  std::size_t table = 0;
  std::size_t row = 0;
  std::uint64_t count = 0;
  std::optional<std::uint64_t> from;
};

class Differencing {
 public:
  Differencing(std::vector<InputTable>& tables, std::vector<Diagnostic>& problems)
      : tables_(tables), problems_(problems), dropped_(tables.size()) {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      columns_.push_back(columns_of(tables[t]));
      dropped_[t].assign(tables[t].rows.size(), false);
    }
  }

  void run() {
    const std::set<std::string> mixed = mixed_metrics();
    std::map<std::string, std::map<PointPlace, Point>> series;
    for (std::size_t t = 0; t < tables_.size(); ++t) {
      const InputTable& table = tables_[t];
      const Columns& c = columns_[t];
      if (c.temporality < 0) continue;
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (mixed.count(cell(table, r, c.metric)) > 0) {
          dropped_[t][r] = true;
          continue;
        }
        if (cell(table, r, c.temporality) != "cumulative") continue;
        const PointPlace place{t, cell(table, r, c.point)};
        Point& point = series[cell(table, r, c.series)][place];
        point.place = place;
        point.time = std::stoull(cell(table, r, c.time));
        point.layout = cell(table, r, c.layout);
        if (c.scale >= 0 && !cell(table, r, c.scale).empty()) {
          point.scale = std::stoi(cell(table, r, c.scale));
        }
        point.rows.push_back(r);
        const std::uint64_t count = std::stoull(cell(table, r, c.count));
        if (count > 0) point.counts[bucket_of(t, r)] = count;
      }
    }
    for (auto& entry : series) difference(entry.second);
    for (const Change& change : changes_) apply(change);
    rebuild();
  }

 private:
  BucketKey bucket_of(std::size_t t, std::size_t r) const {
    const Columns& c = columns_[t];
    if (c.index >= 0 && !cell(tables_[t], r, c.index).empty()) {
      return {std::stoll(cell(tables_[t], r, c.index)), "", ""};
    }
    return {std::nullopt, cell(tables_[t], r, c.above), cell(tables_[t], r, c.at_most)};
  }

  std::string where(const PointPlace& place) const {
    return tables_[place.table].file + ": " + place.path;
  }

  void report(const PointPlace& place, const std::string& message) {
    problems_.push_back(Diagnostic{tables_[place.table].file, 0, 0,
                                   place.path + ": " + message + "; the series is left out"});
  }

  // The metrics with both delta and cumulative points, each reported once.
  std::set<std::string> mixed_metrics() {
    std::map<std::string, std::pair<std::optional<PointPlace>, std::optional<PointPlace>>> seen;
    for (std::size_t t = 0; t < tables_.size(); ++t) {
      const Columns& c = columns_[t];
      if (c.temporality < 0) continue;
      for (std::size_t r = 0; r < tables_[t].rows.size(); ++r) {
        auto& slots = seen[cell(tables_[t], r, c.metric)];
        auto& slot =
            cell(tables_[t], r, c.temporality) == "cumulative" ? slots.second : slots.first;
        if (!slot) slot = PointPlace{t, cell(tables_[t], r, c.point)};
      }
    }
    std::set<std::string> mixed;
    for (const auto& entry : seen) {
      const auto& delta = entry.second.first;
      const auto& cumulative = entry.second.second;
      if (!delta || !cumulative) continue;
      problems_.push_back(
          Diagnostic{tables_[cumulative->table].file, 0, 0,
                     cumulative->path + ": metric '" + entry.first +
                         "' is cumulative here and delta at " + where(*delta) +
                         ": one metric is read with one temporality; all its points are left out"});
      mixed.insert(entry.first);
    }
    return mixed;
  }

  // The changes to the rows of one series, or the series left out after a problem.
  void difference(std::map<PointPlace, Point>& by_place) {
    std::vector<const Point*> points;
    points.reserve(by_place.size());
    for (const auto& entry : by_place) points.push_back(&entry.second);
    std::stable_sort(points.begin(), points.end(),
                     [](const Point* a, const Point* b) { return a->time < b->time; });
    std::vector<Change> changes;
    const Point* previous = nullptr;
    for (const Point* point : points) {
      if (previous != nullptr && point->time == previous->time) {
        if (point->layout != previous->layout || point->scale != previous->scale ||
            point->counts != previous->counts) {
          report(point->place, "timeUnixNano " + std::to_string(point->time) +
                                   " is also the time of " + where(previous->place) +
                                   ", with other counts, in the same series (same attributes "
                                   "and startTimeUnixNano)");
          return drop(points);
        }
        for (const std::size_t r : point->rows) {
          changes.push_back(Change{point->place.table, r, 0, std::nullopt});  // a repeat
        }
        continue;
      }
      if (previous != nullptr && point->layout != previous->layout) {
        report(point->place, point->layout + " differs from " + previous->layout + " at " +
                                 where(previous->place) +
                                 " within one series (same attributes and startTimeUnixNano): "
                                 "counts in other buckets cannot be differenced");
        return drop(points);
      }
      // The previous counts at this point's scale: a scale that fell merges the finer buckets,
      // as the SDK did with its own counts; a finer scale cannot be had from coarser counts.
      Counts before_counts = previous != nullptr ? previous->counts : Counts();
      if (previous != nullptr && point->scale != previous->scale) {
        if (point->scale.value_or(0) > previous->scale.value_or(0)) {
          report(point->place,
                 "scale " + std::to_string(point->scale.value_or(0)) + " is finer than the scale " +
                     std::to_string(previous->scale.value_or(0)) + " at " + where(previous->place) +
                     " within one series (same attributes and "
                     "startTimeUnixNano): counts of coarser buckets cannot be "
                     "split into finer ones");
          return drop(points);
        }
        before_counts =
            downscaled(previous->counts, previous->scale.value_or(0) - point->scale.value_or(0));
      }
      if (previous != nullptr) {
        for (const auto& [bucket, before] : before_counts) {
          const auto found = point->counts.find(bucket);
          const std::uint64_t now = found == point->counts.end() ? 0 : found->second;
          if (now >= before) continue;
          report(point->place, bucket_text(bucket, point->scale) + " counts " +
                                   std::to_string(now) + ", fewer than the " +
                                   std::to_string(before) + " at " + where(previous->place) +
                                   " (an earlier timeUnixNano), with the same "
                                   "startTimeUnixNano: a cumulative count only grows, and a "
                                   "reset must start a new startTimeUnixNano");
          return drop(points);
        }
      }
      for (const std::size_t r : point->rows) {
        const BucketKey bucket = bucket_of(point->place.table, r);
        const auto now = point->counts.find(bucket);
        std::uint64_t count = now == point->counts.end() ? 0 : now->second;
        std::optional<std::uint64_t> from;
        if (previous != nullptr) {
          const auto before = before_counts.find(bucket);
          if (before != before_counts.end()) count -= before->second;
          from = previous->time;
        }
        changes.push_back(Change{point->place.table, r, count, from});
      }
      previous = point;
    }
    changes_.insert(changes_.end(), changes.begin(), changes.end());
  }

  void drop(const std::vector<const Point*>& points) {
    for (const Point* point : points) {
      for (const std::size_t r : point->rows) dropped_[point->place.table][r] = true;
    }
  }

  void apply(const Change& change) {
    const Columns& c = columns_[change.table];
    auto& row = tables_[change.table].rows[change.row];
    if (change.count == 0) {
      dropped_[change.table][change.row] = true;
      return;
    }
    row[static_cast<std::size_t>(c.count)] = std::to_string(change.count);
    if (change.from) row[static_cast<std::size_t>(c.from)] = stamp(*change.from, false);
  }

  // Each table without its dropped rows and its bookkeeping columns.
  void rebuild() {
    for (std::size_t t = 0; t < tables_.size(); ++t) {
      InputTable& table = tables_[t];
      std::vector<std::size_t> kept;
      std::vector<std::string> columns;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].rfind(kOtlpColumnPrefix, 0) == 0) continue;
        kept.push_back(i);
        columns.push_back(table.columns[i]);
      }
      if (kept.size() == table.columns.size() && columns_[t].temporality < 0) continue;
      std::vector<std::vector<std::string>> rows;
      std::vector<std::uint32_t> lines;
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (dropped_[t][r]) continue;
        std::vector<std::string> row;
        row.reserve(kept.size());
        for (const std::size_t i : kept) row.push_back(std::move(table.rows[r][i]));
        rows.push_back(std::move(row));
        if (r < table.lines.size()) lines.push_back(table.lines[r]);
      }
      table.columns = std::move(columns);
      table.rows = std::move(rows);
      table.lines = std::move(lines);
    }
  }

  std::vector<InputTable>& tables_;
  std::vector<Diagnostic>& problems_;
  std::vector<Columns> columns_;
  std::vector<std::vector<bool>> dropped_;
  std::vector<Change> changes_;
};

}  // namespace

void difference_cumulative(std::vector<InputTable>& tables, std::vector<Diagnostic>& problems) {
  Differencing(tables, problems).run();
}

}  // namespace meetlat::sources
