#include "evaluate/value_counts.h"

#include <algorithm>
#include <bit>

#include "evaluate/summary_words.h"

namespace meetlat::evaluate {
void ValueCounts::grow() {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
  const std::size_t mask = entries_.size() - 1;
  for (const Entry& e : old) {
    if (e.count == 0) continue;
    std::size_t i = slot_of(e.bits) & mask;
    while (entries_[i].count != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

void ValueCounts::grow_dense(std::uint32_t tenth) {
  // Whole pages' worth at a time, so a slot of a few samples keeps a small array.
  constexpr std::size_t kStep = 512;
  dense_.resize(std::min<std::size_t>(kDenseTenths, (tenth / kStep + 1) * kStep), 0);
}

void ValueCounts::merge(const ValueCounts& other) {
  if (other.dense_.size() > dense_.size()) dense_.resize(other.dense_.size(), 0);
  for (std::size_t k = 0; k < other.dense_.size(); ++k) {
    if (other.dense_[k] == 0) continue;
    if (dense_[k] == 0) ++used_;
    dense_[k] += other.dense_[k];
    total_ += other.dense_[k];
  }
  for (const Entry& e : other.entries_) {
    if (e.count != 0) add_keyed(std::bit_cast<double>(e.bits), e.count);
  }
}

std::vector<std::pair<double, std::uint64_t>> ValueCounts::sorted() const {
  std::vector<std::pair<double, std::uint64_t>> out;
  out.reserve(used_);
  for (std::size_t k = 0; k < dense_.size(); ++k) {
    if (dense_[k] != 0) out.emplace_back(kTenthValues[k], dense_[k]);
  }
  for (const Entry& e : entries_) {
    if (e.count != 0) out.emplace_back(std::bit_cast<double>(e.bits), e.count);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ValueCounts::bytes() const {
  const auto pairs = sorted();
  std::string out;
  out.reserve(8 + 16 * pairs.size());
  put_word(pairs.size(), out);
  for (const auto& [value, count] : pairs) {
    put_word(std::bit_cast<std::uint64_t>(value), out);
    put_word(count, out);
  }
  return out;
}

bool ValueCounts::add_bytes(std::string_view bytes) {
  if (bytes.size() < 8) return false;
  const std::uint64_t n = word_at(bytes, 0);
  if (n > (bytes.size() - 8) / 16 || bytes.size() != 8 + 16 * n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const double value = std::bit_cast<double>(word_at(bytes, 8 + 16 * i));
    if (value != value) return false;  // NaN is never counted
  }
  for (std::size_t i = 0; i < n; ++i) {
    add(std::bit_cast<double>(word_at(bytes, 8 + 16 * i)), word_at(bytes, 16 + 16 * i));
  }
  return true;
}

measure::MeasureResult nearest_rank_quantile(const ValueCounts& counts, measure::QuantileLevel q,
                                             const contract::Norm& norm) {
  measure::MeasureResult r;
  if (counts.total() == 0) return r;
  const std::uint64_t rank = measure::nearest_rank(q, counts.total());
  std::uint64_t seen = 0;
  std::uint64_t failing = 0;
  for (const auto& [value, count] : counts.sorted()) {
    if (seen < rank && rank <= seen + count) r.value = value;
    seen += count;
    if (!norm.holds(value)) failing += count;
  }
  r.count = static_cast<std::int64_t>(counts.total());
  r.failing = static_cast<std::int64_t>(failing);
  r.status = norm.holds(*r.value) ? measure::Status::kMet : measure::Status::kBreached;
  return r;
}

}  // namespace meetlat::evaluate
