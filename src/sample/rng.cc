#include "sample/rng.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace meetlat::sample {

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

Rng Rng::stream(std::uint64_t seed, Stream stream, std::uint64_t index) {
  const auto s = static_cast<std::uint64_t>(stream);
  return Rng(mix64(mix64(seed) ^ mix64(s * 0x100000001b3ULL + mix64(index))));
}

double Rng::exponential(double mean) { return -mean * std::log1p(-uniform()); }

double Rng::normal() {
  const std::uint64_t x = next();
  double sum = 0;
  for (int i = 0; i < 4; ++i) sum += static_cast<double>((x >> (16 * i)) & 0xffff) + 0.5;
  // Four uniforms on [0, 1) have mean 2 and variance 4/12.
  return (sum / 65536.0 - 2.0) * std::sqrt(3.0);
}

std::vector<int> Rng::pick(int n, int count) {
  std::vector<int> all(static_cast<std::size_t>(std::max(n, 0)));
  std::iota(all.begin(), all.end(), 0);
  count = std::clamp(count, 0, n);
  for (int i = 0; i < count; ++i) {
    const auto j = i + static_cast<int>(below(static_cast<std::uint64_t>(n - i)));
    std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(j)]);
  }
  all.resize(static_cast<std::size_t>(count));
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace meetlat::sample
