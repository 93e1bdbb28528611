// Cost of the time module's hot paths: one deadline and one elapsed computation on office_hours
// and 24x7 (index lookups, independent of the distance between the instants), and parsing one
// evidence time stamp with and without an offset (done for every evidence row).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "time/calendar.h"
#include "time/parse.h"

namespace meetlat::time {
namespace {

const Zone& amsterdam() {
  static const Zone zone = Zone::load("Europe/Amsterdam");
  return zone;
}

// 4096 random instants over 2026, so the lookups do not all hit the same cache lines.
std::vector<Instant> random_instants() {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> us(0, 365LL * 86'400'000'000);
  std::vector<Instant> out(4096);
  const Instant from{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  for (Instant& t : out) t = from + Micros{us(rng)};
  return out;
}

void deadline(benchmark::State& state, const CalendarSpec& spec) {
  const Calendar cal = Calendar::build(spec, amsterdam());
  const std::vector<Instant> starts = random_instants();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.deadline(starts[i++ & 4095], std::chrono::hours{8}));
  }
}

void elapsed(benchmark::State& state, const CalendarSpec& spec) {
  const Calendar cal = Calendar::build(spec, amsterdam());
  const std::vector<Instant> starts = random_instants();
  std::size_t i = 0;
  for (auto _ : state) {
    const Instant a = starts[i++ & 4095];
    benchmark::DoNotOptimize(cal.elapsed(a, a + std::chrono::hours{24 * 9}));
  }
}

void BM_DeadlineOfficeHours(benchmark::State& s) { deadline(s, CalendarSpec::office_hours()); }
void BM_Deadline24x7(benchmark::State& s) { deadline(s, CalendarSpec::always_open()); }
void BM_ElapsedOfficeHours(benchmark::State& s) { elapsed(s, CalendarSpec::office_hours()); }
void BM_Elapsed24x7(benchmark::State& s) { elapsed(s, CalendarSpec::always_open()); }

void parse(benchmark::State& state, const char* format) {
  std::vector<std::string> texts;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1024; ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, 1 + static_cast<int>(rng() % 12),
                  1 + static_cast<int>(rng() % 28), static_cast<int>(rng() % 24),
                  static_cast<int>(rng() % 60), static_cast<int>(rng() % 60));
    texts.emplace_back(buf);
  }
  ParseError error;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_timestamp(texts[i++ & 1023], amsterdam(), &error));
  }
}

void BM_ParseTimestampWithOffset(benchmark::State& s) {
  parse(s, "2026-%02d-%02dT%02d:%02d:%02d.123+02:00");
}
void BM_ParseTimestampWallClock(benchmark::State& s) { parse(s, "2026-%02d-%02d %02d:%02d:%02d"); }

void BM_BuildOfficeHours2000To2100(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(Calendar::build(CalendarSpec::office_hours(), amsterdam()));
  }
}

BENCHMARK(BM_DeadlineOfficeHours);
BENCHMARK(BM_Deadline24x7);
BENCHMARK(BM_ElapsedOfficeHours);
BENCHMARK(BM_Elapsed24x7);
BENCHMARK(BM_ParseTimestampWithOffset);
BENCHMARK(BM_ParseTimestampWallClock);
BENCHMARK(BM_BuildOfficeHours2000To2100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace meetlat::time

BENCHMARK_MAIN();
