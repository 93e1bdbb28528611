// transactions.csv (KPI-10): one row per user transaction, the APM export, by far the largest
// file (30 million rows for a month at 700 a minute).
//
// The number per minute follows ServiceClock::user_load (office-hour peaks, quiet nights and
// weekends) scaled so that the range averages --transactions-per-minute × --scale. Durations are
// log-normal per transaction name, slower in peak hours, with a 0.5% slow tail; p95 stays under
// 300 ms (office) and 400 ms (peak) except in the months the plan marks slow. Time stamps are
// UTC with milliseconds ("2026-10-05T07:12:00.123Z"), in time order.
//
// Days are generated in parallel by `options.threads` threads, each day from its own substream,
// and written in order: the file is byte-identical for any thread count.
#pragma once

#include "sample/generation.h"

namespace meetlat::sample {

void write_transactions(Generation& generation);

}  // namespace meetlat::sample
