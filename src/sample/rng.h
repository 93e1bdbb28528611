// Deterministic random numbers for the sample generator.
//
// Rng wraps std::mt19937_64, whose output sequence the C++ standard fixes for a given seed, and
// turns its raw 64-bit words into numbers with our own transforms (never the std::*_distribution
// classes, whose output differs between standard libraries). So a seed gives byte-identical
// files with any compiler. Each evidence family and each day of transactions draws from its own
// substream (`Rng::stream`), so the output does not depend on the order or the number of threads
// that generate it. Not thread safe: one Rng per thread.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace meetlat::sample {

// The substreams of one generation run; values are part of the output format of a seed.
enum class Stream : std::uint64_t {
  kPlan = 1,
  kTickets = 2,
  kOutages = 3,
  kProbes = 4,
  kTransactions = 5,
  kSecurity = 6,
  kDelivery = 7,
  kGovernance = 8,
};

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // The substream `index` of `stream` for a run seeded with `seed`.
  static Rng stream(std::uint64_t seed, Stream stream, std::uint64_t index = 0);

  std::uint64_t next() { return engine_(); }
  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
  }
  // Uniform integer in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return uniform() < p; }
  // Exponentially distributed with the given mean.
  double exponential(double mean);
  // Approximately standard normal (Irwin–Hall sum of four 16-bit uniforms from one draw):
  // bounded at ±3.46, which is what a latency body needs; tails are added separately.
  double normal();
  // `count` distinct indexes out of [0, n), in increasing order.
  std::vector<int> pick(int n, int count);

 private:
  std::mt19937_64 engine_;
};

// SplitMix64's finaliser: a bijective 64-bit mix, used to derive substream seeds.
std::uint64_t mix64(std::uint64_t x);

}  // namespace meetlat::sample
