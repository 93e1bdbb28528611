// What every evidence writer of one generation run shares: the options, the contract's clock,
// the month plan of injected failures, the output folder and the list of files written so far.
// A writer is a free function `void write_xxx(Generation&)` in its own file; it draws from its
// own Rng substream so that writers are independent of each other.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "sample/csv_file.h"
#include "sample/generate_options.h"
#include "sample/month_plan.h"
#include "sample/rng.h"
#include "sample/service_clock.h"

namespace meetlat::sample {

struct WrittenFile {
  std::string name;  // "tickets.csv"
  std::int64_t rows = 0;
  std::int64_t bytes = 0;
};

struct Generation {
  const GenerateOptions& options;
  const ServiceClock& clock;
  const std::vector<MonthPlan>& plan;
  std::filesystem::path out;
  std::vector<WrittenFile> written;

  CsvFile open(std::string_view file_name, std::initializer_list<std::string_view> header) const {
    return CsvFile(out / file_name, header, options.layout, clock.zone());
  }
  // Closes `file` (throwing on a write error) and records it.
  void finish(CsvFile& file);
  // A volume option after --scale.
  double scaled(double base) const { return base * options.scale; }
  Rng rng(Stream stream, std::uint64_t index = 0) const {
    return Rng::stream(options.seed, stream, index);
  }
};

// "INC-000123": prefix, then n zero-padded to `width` digits (more when n needs them).
std::string make_id(std::string_view prefix, std::int64_t n, int width);

// A moment in the office hours (08:00–18:00) of day d, to the second.
LocalSeconds office_moment(Day d, Rng& rng);
// A moment anywhere in month m's wall-clock time, to the second.
LocalSeconds moment_in_month(std::chrono::year_month m, Rng& rng);
// A random working day of month m (the first working day on or after a random day; may spill
// into the next month when the month ends in holidays).
Day working_day_in(const ServiceClock& clock, std::chrono::year_month m, Rng& rng);
// Count from an expected value: floor(mean × (0.8 … 1.2) + u), never negative.
int jittered_count(double mean, Rng& rng);

}  // namespace meetlat::sample
