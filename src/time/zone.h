// The contract's time zone: conversions between instants and wall-clock time.
//
// The only code in meetlat that includes <date/tz.h>. A Zone is built once (it precomputes the
// zone's UTC offsets over 1970–2200, so conversions are a binary search, not a tz database walk)
// and is immutable afterwards: share it freely between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time/instant.h"

namespace meetlat::time {

// How a wall-clock time without offset mapped onto an instant.
enum class LocalTimeIssue {
  kNone,
  kRepeated,  // in the hour repeated when DST ends: read as the earlier instant
  kSkipped,   // in the hour skipped when DST starts: moved forward by the gap
};

class Zone {
 public:
  // UTC. Lets a Zone be a plain member of contract structs before the real zone is loaded.
  Zone();

  // Loads an IANA zone ("Europe/Amsterdam") from the OS tz database. Throws TimeError when the
  // name is unknown. Never uses the machine's current zone.
  static Zone load(std::string_view iana_name);
  // Every zone name of the OS tz database, sorted (for did-you-mean suggestions).
  static std::vector<std::string> names();

  const std::string& name() const;

  // Wall-clock time in this zone to an instant, with the spec's DST rules; `issue` (optional)
  // receives what happened.
  Instant to_instant(LocalTime local, LocalTimeIssue* issue = nullptr) const;
  // The same for `time_of_day` (0 to 24 h) on day `day` (readers that have split the two already;
  // days with no UTC offset change are cached either way).
  Instant to_instant(Date day, Micros time_of_day, LocalTimeIssue* issue = nullptr) const;
  // The instants whose wall-clock time lies in [from, to), appended to `out` as half-open ranges
  // in time order: usually one range; two when [from, to) holds part of the hour repeated when
  // DST ends (that wall-clock time happens twice); shorter or none when it covers the hour skipped
  // when DST starts. This is how business calendars turn opening hours into instants.
  void instants_between(LocalTime from, LocalTime to,
                        std::vector<std::pair<Instant, Instant>>* out) const;
  // Midnight at the start of calendar day `d` in this zone.
  Instant start_of_day(Date d) const;
  // The wall-clock time of an instant in this zone.
  LocalTime to_local(Instant t) const;
  // The calendar day of an instant in this zone.
  Date date_of(Instant t) const;
  // UTC offset in force at `t`.
  std::chrono::seconds offset(Instant t) const;
  // ISO 8601 with offset: "2026-10-01T00:00:00+02:00"; fractional seconds only when non-zero.
  std::string format(Instant t) const;

 private:
  struct Table;
  std::shared_ptr<const Table> table_;
};

}  // namespace meetlat::time
