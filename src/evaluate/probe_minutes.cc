#include "evaluate/probe_minutes.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "contract/measure_columns.h"
#include "contract/versions.h"
#include "evaluate/summary_words.h"
#include "evidence/schema.h"

namespace meetlat::evaluate {
namespace {

// The one key of a block's votes: they depend on the rows alone. The version changes when the
// bytes of a summary do.
constexpr std::string_view kKey = "probes: votes per location and UTC minute, v1";

std::int64_t minute_number(time::Instant t) {
  return std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count();
}

time::Instant minute_start(std::int64_t minute) {
  return time::Instant(std::chrono::minutes(minute));
}

// Pages are numbered from 1970 (page 0); ±2^27 pages of 1,024 minutes is 260,000 years either
// way, within what an Instant holds. A summary with a page beyond is damaged.
constexpr std::int64_t kMaxPage = std::int64_t{1} << 27;

// floor(a / b) for b > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

std::size_t column_index(const evidence::FileSchema& schema, std::string_view name) {
  for (std::size_t i = 0; i < schema.columns.size(); ++i) {
    if (schema.columns[i].name == name) return i;
  }
  return schema.columns.size();
}

}  // namespace

bool ProbeMinutes::can_stream(const contract::Contract& contract) {
  const contract::Versions versions(contract);
  bool read_as_probes = false;
  for (const auto& version : versions.all()) {
    for (const auto& kpi : version.terms.kpis) {
      for (const auto& o : kpi.objectives) {
        const bool other_read = std::visit(
            [&](const auto& m) {
              using M = std::decay_t<decltype(m)>;
              if constexpr (std::is_same_v<M, contract::AvailabilityMeasure>) {
                if (m.probes && *m.probes == kKind) read_as_probes = true;
                return m.outages == kKind;
              } else {
                return m.evidence == kKind;
              }
            },
            o.measure);
        if (other_read) return false;
      }
    }
  }
  const auto* schema = evidence::find_schema(kKind);
  return read_as_probes && schema != nullptr && schema->key.empty();
}

void ProbeMinutes::merge_streamed(evidence::Evidence& evidence) {
  const auto it = evidence.sinks.find(kKind);
  if (it == evidence.sinks.end() || it->second.size() < 2) return;
  auto* first = dynamic_cast<ProbeMinutes*>(it->second.front().get());
  if (first == nullptr) return;
  for (std::size_t i = 1; i < it->second.size(); ++i) {
    first->merge(dynamic_cast<const ProbeMinutes&>(*it->second[i]));
  }
  it->second.resize(1);
}

const ProbeMinutes* ProbeMinutes::streamed(const evidence::Evidence& evidence) {
  const auto it = evidence.sinks.find(kKind);
  if (it == evidence.sinks.end() || it->second.empty()) return nullptr;
  const auto* votes = dynamic_cast<const ProbeMinutes*>(it->second.front().get());
  if (votes == nullptr) return nullptr;
  if (it->second.size() != 1) throw std::logic_error("the streamed probes were not merged");
  return votes;
}

std::size_t ProbeMinutes::location_id(std::string_view name) {
  const auto it = std::find(locations_.begin(), locations_.end(), name);
  if (it != locations_.end()) return static_cast<std::size_t>(it - locations_.begin());
  locations_.emplace_back(name);
  return locations_.size() - 1;
}

ProbeMinutes::Votes& ProbeMinutes::votes_of(std::int64_t minute, std::size_t location) {
  const std::int64_t page = floor_div(minute, kPageMinutes);
  if (last_ == nullptr || page != last_page_) {
    last_ = &pages_[page];
    last_page_ = page;
  }
  if (last_->size() <= location) last_->resize(location + 1);
  return (*last_)[location];
}

void ProbeMinutes::set(std::int64_t minute, std::size_t location, bool down) {
  Votes& v = votes_of(minute, location);
  const auto bit =
      static_cast<std::size_t>(minute - floor_div(minute, kPageMinutes) * kPageMinutes);
  const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
  v.reported[bit / 64] |= mask;
  if (down) v.down[bit / 64] |= mask;
}

void ProbeMinutes::add(time::Instant at, std::string_view location, bool up) {
  if (!(at < as_of_)) return;
  set(minute_number(at), location_id(location), !up);
}

void ProbeMinutes::add(const evidence::Table& table, std::size_t row) {
  namespace columns = contract::probe_columns;
  const evidence::FileSchema& schema = table.schema();
  const evidence::Column& at_column = table.column(column_index(schema, columns::kAt));
  const time::Instant at = at_column.instants[row];
  if (evidence::is_missing(at) || !(at < as_of_)) return;
  const evidence::Column& location = table.column(column_index(schema, columns::kLocation));
  const std::uint32_t code = location.codes[row];
  if (evidence::is_missing_code(code)) return;
  if (codes_of_ != &location.dictionary) {  // another part's table: its own codes
    codes_of_ = &location.dictionary;
    location_of_code_.clear();
  }
  if (location_of_code_.size() <= code) location_of_code_.resize(code + std::size_t{1}, -1);
  std::int64_t& id = location_of_code_[code];
  if (id < 0) id = static_cast<std::int64_t>(location_id(location.dictionary.text(code)));
  const std::int8_t up = table.column(column_index(schema, columns::kUp)).bools[row];
  set(minute_number(at), static_cast<std::size_t>(id), up == 0);
}

void ProbeMinutes::merge(const ProbeMinutes& other) {
  std::vector<std::size_t> ids;
  ids.reserve(other.locations_.size());
  for (const std::string& name : other.locations_) ids.push_back(location_id(name));
  for (const auto& [page, theirs] : other.pages_) {
    Page& mine = pages_[page];
    for (std::size_t l = 0; l < theirs.size(); ++l) {
      if (mine.size() <= ids[l]) mine.resize(ids[l] + 1);
      for (std::size_t w = 0; w < kPageWords; ++w) {
        mine[ids[l]].reported[w] |= theirs[l].reported[w];
        mine[ids[l]].down[w] |= theirs[l].down[w];
      }
    }
  }
}

std::optional<std::vector<std::string>> ProbeMinutes::summary_keys(const time::Window& span) const {
  if (!(span.from < as_of_)) return std::vector<std::string>{};  // every row is left out
  if (as_of_ < span.to) return std::nullopt;  // rows at or after as_of are left out: no key says so
  return std::vector<std::string>{std::string(kKey)};
}

// The bytes: the number of locations, then each one's name (its length, then its bytes, padded
// with zeros to whole words); the number of pages, then each page's number (two's complement)
// and, per location, its reported and its down bits (kPageWords words each). Every word 64-bit
// little-endian (summary_words.h).
std::string ProbeMinutes::summary(std::string_view key) const {
  std::string out;
  if (key != kKey) return out;
  put_word(locations_.size(), out);
  for (const std::string& name : locations_) {
    put_word(name.size(), out);
    out += name;
    out.append((8 - name.size() % 8) % 8, '\0');
  }
  put_word(pages_.size(), out);
  for (const auto& [page, votes] : pages_) {
    put_word(static_cast<std::uint64_t>(page), out);
    for (std::size_t l = 0; l < locations_.size(); ++l) {
      const Votes none{};
      const Votes& v = l < votes.size() ? votes[l] : none;
      for (const std::uint64_t w : v.reported) put_word(w, out);
      for (const std::uint64_t w : v.down) put_word(w, out);
    }
  }
  return out;
}

bool ProbeMinutes::add_summary(std::string_view key, std::string_view bytes) {
  if (key != kKey) return false;
  std::size_t at = 0;
  auto next = [&](std::uint64_t& word) {
    if (bytes.size() - at < 8) return false;
    word = word_at(bytes, at);
    at += 8;
    return true;
  };
  ProbeMinutes read(as_of_);
  std::uint64_t locations = 0;
  if (!next(locations) || locations > bytes.size() / 8) return false;
  for (std::uint64_t l = 0; l < locations; ++l) {
    std::uint64_t size = 0;
    if (!next(size) || size > bytes.size() - at) return false;
    const std::size_t padded = (size + 7) / 8 * 8;
    if (padded > bytes.size() - at) return false;
    const std::string_view name = bytes.substr(at, size);
    if (std::find(read.locations_.begin(), read.locations_.end(), name) != read.locations_.end())
      return false;
    read.locations_.emplace_back(name);
    at += padded;
  }
  std::uint64_t pages = 0;
  if (!next(pages)) return false;
  const std::size_t page_bytes = 8 + locations * kPageWords * 2 * 8;
  if (pages != (bytes.size() - at) / page_bytes || bytes.size() - at != pages * page_bytes)
    return false;
  for (std::uint64_t p = 0; p < pages; ++p) {
    std::uint64_t number = 0;
    next(number);
    const auto page_number = static_cast<std::int64_t>(number);
    if (page_number <= -kMaxPage || page_number >= kMaxPage) return false;
    Page& page = read.pages_[page_number];
    if (!page.empty()) return false;  // a page given twice
    page.resize(locations);
    for (Votes& v : page) {
      for (std::uint64_t& w : v.reported) next(w);
      for (std::uint64_t& w : v.down) next(w);
      for (std::size_t w = 0; w < kPageWords; ++w) {
        if ((v.down[w] & ~v.reported[w]) != 0) return false;  // down without a report
      }
    }
  }
  merge(read);
  return true;
}

template <typename Visit>
void ProbeMinutes::for_each_word(const time::Window& window, Visit visit) const {
  const std::int64_t first = minute_number(window.from);
  const std::int64_t end =
      minute_number(window.to) + (minute_start(minute_number(window.to)) < window.to ? 1 : 0);
  if (end <= first) return;
  for (auto it = pages_.lower_bound(floor_div(first, kPageMinutes));
       it != pages_.end() && it->first * kPageMinutes < end; ++it) {
    const std::int64_t base = it->first * kPageMinutes;
    for (std::size_t w = 0; w < kPageWords; ++w) {
      const std::int64_t word_first = base + static_cast<std::int64_t>(w * 64);
      std::uint64_t inside = ~std::uint64_t{0};
      if (word_first < first) {
        inside &= first - word_first >= 64 ? 0 : ~std::uint64_t{0} << (first - word_first);
      }
      if (word_first + 64 > end) {
        inside &= end - word_first <= 0 ? 0 : ~std::uint64_t{0} >> (64 - (end - word_first));
      }
      if (inside != 0) visit(word_first, it->second, w, inside);
    }
  }
}

std::vector<measure::MinuteVotes> ProbeMinutes::votes(const time::Window& window) const {
  std::vector<measure::MinuteVotes> out;
  for_each_word(
      window, [&](std::int64_t word_first, const Page& page, std::size_t w, std::uint64_t inside) {
        std::uint64_t any = 0;
        for (const Votes& v : page) any |= v.reported[w];
        for (std::uint64_t bits = any & inside; bits != 0; bits &= bits - 1) {
          const int bit = std::countr_zero(bits);
          const std::uint64_t mask = std::uint64_t{1} << bit;
          measure::MinuteVotes m{minute_start(word_first + bit)};
          for (const Votes& v : page) {
            if ((v.reported[w] & mask) != 0) ++m.locations;
            if ((v.down[w] & mask) != 0) ++m.down;
          }
          out.push_back(m);
        }
      });
  return out;
}

measure::MinuteTally ProbeMinutes::tally(const time::Window& window) const {
  measure::MinuteTally out;
  for_each_word(
      window, [&](std::int64_t word_first, const Page& page, std::size_t w, std::uint64_t inside) {
        std::uint64_t any = 0;
        std::uint64_t any_down = 0;
        for (const Votes& v : page) {
          any |= v.reported[w];
          any_down |= v.down[w];
        }
        out.observed += std::popcount(any & inside);
        // A minute can be down only where some location voted down: few minutes, counted one by
        // one.
        for (std::uint64_t d = any_down & inside; d != 0; d &= d - 1) {
          const int bit = std::countr_zero(d);
          const std::uint64_t mask = std::uint64_t{1} << bit;
          std::int64_t locations = 0;
          std::int64_t down = 0;
          for (const Votes& v : page) {
            if ((v.reported[w] & mask) != 0) ++locations;
            if ((v.down[w] & mask) != 0) ++down;
          }
          if (2 * down > locations) out.down.push_back(minute_start(word_first + bit));
        }
      });
  return out;
}

}  // namespace meetlat::evaluate
