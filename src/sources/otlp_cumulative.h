// Cumulative OTLP histograms (aggregationTemporality 2) as counts over windows: read_otlp gives
// each cumulative point's counts since its series' start (otlp_input.h); once every file of one
// conversion has been read, this turns them into the rows a delta export of the same data gives.
//
// A series is one metric (histogram or exponentialHistogram, name, unit) with one set of resource
// and data point attributes and one startTimeUnixNano: a new start is a reset, a new series. Its
// points, from every file and batch, are taken in the order of their timeUnixNano; the first
// covers (start, time] with its own counts, each later one (previous time, time] with its counts
// less the previous point's, bucket by bucket. A bucket whose difference is 0 gives no row, as in
// a delta export. Two points of a series at one time with the same buckets and counts are one
// point, repeated (in two files, say). An exponential series whose scale falls (SDKs downscale a
// cumulative histogram as its range grows) is differenced at the new, coarser scale: the
// previous point's bucket i at scale s counts in bucket i >> (s - s') at scale s'; the zero
// bucket, whose zeroThreshold must stay, is differenced as it is.
//
// Refused, each naming the file and JSON path of both points concerned, and the whole series then
// left out (a part of it would understate what it counted):
//   - two points at one time with different counts;
//   - a count that decreases without a new startTimeUnixNano;
//   - explicitBounds, or an exponential zeroThreshold, that change within a series;
//   - an exponential scale that rises within a series (coarser counts cannot be split).
// A metric (by name) with both delta and cumulative points is refused once, naming a point of
// each, and all its rows left out. Delta rows are otherwise left as they are. Every table loses
// the bookkeeping columns (kOtlpColumnPrefix).
#pragma once

#include <vector>

#include "sources/input_table.h"

namespace meetlat::sources {

// Differences the cumulative rows of `tables` (the tables read for one otlp input, in the order
// the files were given), rewriting `from` and `count` and leaving out rows, as described above.
void difference_cumulative(std::vector<InputTable>& tables, std::vector<Diagnostic>& problems);

}  // namespace meetlat::sources
