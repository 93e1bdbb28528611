#include "sample/generation.h"

#include <cmath>

namespace meetlat::sample {

void Generation::finish(CsvFile& file) {
  file.close();
  written.push_back({file.path().filename().string(), file.rows(), file.bytes()});
}

std::string make_id(std::string_view prefix, std::int64_t n, int width) {
  std::string digits = std::to_string(n);
  std::string id(prefix);
  if (static_cast<int>(digits.size()) < width) {
    id.append(static_cast<std::size_t>(width) - digits.size(), '0');
  }
  return id + digits;
}

LocalSeconds office_moment(Day d, Rng& rng) {
  return d + std::chrono::hours{8} + std::chrono::seconds{rng.below(std::uint64_t{10} * 3600)};
}

LocalSeconds moment_in_month(std::chrono::year_month m, Rng& rng) {
  const Day first = first_day_of(m);
  const auto days = (first_day_of(m + std::chrono::months{1}) - first).count();
  return first + std::chrono::seconds{rng.below(static_cast<std::uint64_t>(days) * 86400)};
}

Day working_day_in(const ServiceClock& clock, std::chrono::year_month m, Rng& rng) {
  const Day first = first_day_of(m);
  const auto days = (first_day_of(m + std::chrono::months{1}) - first).count();
  return clock.working_day_on_or_after(
      first + std::chrono::days{rng.below(static_cast<std::uint64_t>(days))});
}

int jittered_count(double mean, Rng& rng) {
  const double v = mean * (0.8 + 0.4 * rng.uniform()) + rng.uniform();
  return v <= 0 ? 0 : static_cast<int>(std::floor(v));
}

}  // namespace meetlat::sample
