#include "sample/transactions_writer.h"

#include <array>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace meetlat::sample {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

struct TransactionKind {
  std::string_view name;
  int share_64ths;  // shares add up to 64
  double median_ms;
};

constexpr std::array<TransactionKind, 6> kKinds = {{{"login", 14, 70},
                                                    {"search_case", 19, 105},
                                                    {"view_case", 18, 85},
                                                    {"submit_form", 7, 140},
                                                    {"upload_document", 3, 175},
                                                    {"export_report", 3, 190}}};
constexpr double kSigma = 0.40;
constexpr double kPeakSlowdown = 1.25;
constexpr double kSlowPeakMonth = 1.55;
constexpr double kSlowOfficeMonth = 1.4;
constexpr unsigned kTailPer65536 = 328;   // 0.5% of transactions are 3–10 times slower
constexpr std::size_t kMaxRowChars = 96;  // a stamp, a quoted name, a duration, CRLF

// The kind of each 1/64th, so a name is one table look-up.
std::array<std::uint8_t, 64> kind_table() {
  std::array<std::uint8_t, 64> table{};
  std::size_t at = 0;
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    for (int i = 0; i < kKinds[k].share_64ths; ++i) table[at++] = static_cast<std::uint8_t>(k);
  }
  return table;
}

struct DayChunk {
  std::string rows;
  std::int64_t count = 0;
};

class DayGenerator {
 public:
  DayGenerator(const Generation& g, double per_load_minute)
      : g_(g), per_load_minute_(per_load_minute), kinds_(kind_table()) {}

  DayChunk generate(Day d) const;

 private:
  double slowdown(LocalSeconds local, const MonthPlan& month) const;

  const Generation& g_;
  double per_load_minute_;
  std::array<std::uint8_t, 64> kinds_;
};

double DayGenerator::slowdown(LocalSeconds local, const MonthPlan& month) const {
  if (g_.clock.is_peak(local)) return kPeakSlowdown * (month.slow_peak ? kSlowPeakMonth : 1.0);
  if (g_.clock.is_office(local)) return month.slow_office ? kSlowOfficeMonth : 1.0;
  return 0.95;
}

DayChunk DayGenerator::generate(Day d) const {
  const auto& clock = g_.clock;
  const auto month_index =
      (std::chrono::year_month_day{d}.year() / std::chrono::year_month_day{d}.month() -
       g_.options.first_month)
          .count();
  const MonthPlan& month = g_.plan[static_cast<std::size_t>(month_index)];
  Rng rng = g_.rng(Stream::kTransactions, static_cast<std::uint64_t>(d.time_since_epoch().count()));
  DayChunk chunk;
  std::size_t used = 0;
  const Layout& layout = g_.options.layout;
  const StampStyle style = layout.instant_style(true);
  const time::Instant end = clock.zone().start_of_day(d + std::chrono::days{1});
  for (time::Instant t = clock.zone().start_of_day(d); t < end; t += minutes{1}) {
    const LocalSeconds local = clock.to_local(t);
    const int hour = static_cast<int>(std::chrono::floor<std::chrono::hours>(local - d).count());
    const double expected = per_load_minute_ * clock.user_load(d, hour);
    const auto count = static_cast<std::int64_t>(std::floor(expected + rng.uniform()));
    if (count == 0) continue;
    const double speed = slowdown(local, month);
    const std::chrono::seconds offset = clock.zone().offset(t);
    chunk.rows.resize(used + static_cast<std::size_t>(count) * kMaxRowChars);
    char* p = chunk.rows.data() + used;
    for (std::int64_t i = 0; i < count; ++i) {
      const std::uint64_t bits = rng.next();
      const double jitter = static_cast<double>(bits & 0xffffffffU) * 0x1.0p-32;
      const auto ms = static_cast<unsigned>((static_cast<double>(i) + jitter) * 60000.0 /
                                            static_cast<double>(count));
      const TransactionKind& kind = kKinds[kinds_[bits >> 58]];
      double duration = kind.median_ms * speed * std::exp(kSigma * rng.normal());
      if (((bits >> 32) & 0xffff) < kTailPer65536) {
        duration *= 3.0 + 7.0 * static_cast<double>((bits >> 48) & 0x3ff) / 1024.0;
      }
      p = put_stamp(p, t + std::chrono::milliseconds{ms}, style, offset);
      *p++ = ',';
      if (layout.quote_text) *p++ = '"';
      std::memcpy(p, kind.name.data(), kind.name.size());
      p += kind.name.size();
      if (layout.quote_text) *p++ = '"';
      *p++ = ',';
      p = layout.durations == DurationStyle::kDecimal
              ? put_fixed(p, duration, 1)
              : put_uint(p, static_cast<std::uint64_t>(std::llround(duration)));
      if (layout.crlf) *p++ = '\r';
      *p++ = '\n';
    }
    used = static_cast<std::size_t>(p - chunk.rows.data());
    chunk.count += count;
  }
  chunk.rows.resize(used);
  return chunk;
}

// Transactions per minute per unit of user load, so that the range averages the option.
double per_load_minute(const Generation& g) {
  const auto& clock = g.clock;
  double load = 0;
  double minute_count = 0;
  for (Day d = clock.first_day(); d < clock.end_day(); d += std::chrono::days{1}) {
    const time::Instant end = clock.zone().start_of_day(d + std::chrono::days{1});
    for (time::Instant t = clock.zone().start_of_day(d); t < end; t += minutes{1}) {
      const int hour =
          static_cast<int>(std::chrono::floor<std::chrono::hours>(clock.to_local(t) - d).count());
      load += clock.user_load(d, hour);
      minute_count += 1;
    }
  }
  return load == 0 ? 0 : g.scaled(g.options.transactions_per_minute) * minute_count / load;
}

// Generates days on worker threads, at most `window` days ahead of the writer, and hands them
// out in day order.
class DayPipeline {
 public:
  DayPipeline(const DayGenerator& generator, std::vector<Day> days, int threads)
      : generator_(generator), days_(std::move(days)), slots_(days_.size()) {
    window_ = static_cast<std::size_t>(threads) + 1;
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~DayPipeline() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
  }

  // The chunk of day i; call for i = 0, 1, … in order.
  DayChunk take(std::size_t i) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return slots_[i].has_value() || error_; });
    if (error_) std::rethrow_exception(error_);
    DayChunk chunk = std::move(*slots_[i]);
    slots_[i].reset();
    taken_ = i + 1;
    cv_.notify_all();
    return chunk;
  }

 private:
  void work() {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || next_ >= days_.size() || next_ < taken_ + window_; });
        if (stop_ || next_ >= days_.size()) return;
        i = next_++;
      }
      try {
        DayChunk chunk = generator_.generate(days_[i]);
        std::lock_guard lock(mu_);
        slots_[i] = std::move(chunk);
      } catch (...) {
        std::lock_guard lock(mu_);
        error_ = std::current_exception();
      }
      cv_.notify_all();
    }
  }

  const DayGenerator& generator_;
  std::vector<Day> days_;
  std::vector<std::optional<DayChunk>> slots_;
  std::size_t window_ = 3;
  std::size_t next_ = 0;
  std::size_t taken_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::thread> workers_;
};

}  // namespace

void write_transactions(Generation& g) {
  CsvFile file = g.open("transactions.csv", {"at", "name", "duration_ms"});
  const DayGenerator generator(g, per_load_minute(g));
  std::vector<Day> days;
  for (Day d = g.clock.first_day(); d < g.clock.end_day(); d += std::chrono::days{1})
    days.push_back(d);
  if (g.options.threads <= 1) {
    for (Day d : days) {
      const DayChunk chunk = generator.generate(d);
      file.raw_rows(chunk.rows, chunk.count);
    }
  } else {
    DayPipeline pipeline(generator, days, g.options.threads);
    for (std::size_t i = 0; i < days.size(); ++i) {
      const DayChunk chunk = pipeline.take(i);
      file.raw_rows(chunk.rows, chunk.count);
    }
  }
  g.finish(file);
}

}  // namespace meetlat::sample
