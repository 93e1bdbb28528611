#include "evidence/dictionary.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace meetlat::evidence {

std::uint32_t Dictionary::hash_of(std::string_view text) {
  const std::uint64_t h = string_hash(text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

namespace {

std::uint64_t load64(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

std::uint32_t load32(const char* p) {
  std::uint32_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Up to eight bytes as one word that, together with `n`, tells apart any two strings of that
// length (overlapping loads: every byte is read, none beyond p + n).
std::uint64_t load_upto8(const char* p, std::size_t n) {
  if (n >= 8) return load64(p);
  if (n >= 4) return load32(p) | (static_cast<std::uint64_t>(load32(p + n - 4)) << 32);
  if (n == 0) return 0;
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
  };
  return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
}

}  // namespace

Dictionary::SmallKey Dictionary::small_key(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  if (n <= 8) return {load_upto8(p, n), 0, n};
  return {load64(p), load_upto8(p + 8, n - 8), n};
}

std::uint32_t Dictionary::find_small(std::string_view text) const {
  const SmallKey key = small_key(text);
  const std::size_t known = std::min(size(), kSmall);
  for (std::size_t code = 0; code < known; ++code) {
    const SmallKey& k = small_[code];
    if (k.head != key.head || k.next != key.next || k.size != key.size) continue;
    if (key.size <= 16 || this->text(static_cast<std::uint32_t>(code)) == text) {
      return static_cast<std::uint32_t>(code);
    }
  }
  return kMissingCode;
}

std::size_t Dictionary::probe(std::string_view text, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.code == kMissingCode) return i;
    if (slot.hash == hash && this->text(slot.code) == text) return i;
  }
}

void Dictionary::reserve(std::size_t strings) {
  starts_.reserve(starts_.size() + strings);
  // Room for ids of up to 16 bytes (a hint: pages never written cost nothing), so the bytes are
  // neither copied nor faulted in twice while the column grows.
  bytes_.reserve(bytes_.size() + 16 * strings);
  if (distinct_) return;
  std::size_t slots = slots_.size();
  while (slots < 2 * strings) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

void Dictionary::rehash(std::size_t slots) {
  Slots old(slots);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.code == kMissingCode) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].code != kMissingCode) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

namespace {

// A new end offset of a dictionary's text, checked against the 32-bit offsets.
std::uint32_t checked_offset(std::size_t bytes) {
  if (bytes > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("an evidence column holds more than 4 GiB of text");
  }
  return static_cast<std::uint32_t>(bytes);
}

}  // namespace

std::uint32_t Dictionary::intern(std::string_view text) {
  if (distinct_) {
    bytes_.append(text);
    starts_.push_back(checked_offset(bytes_.size()));
    return static_cast<std::uint32_t>(size() - 1);
  }
  if (size() <= kSmall) {
    if (const std::uint32_t code = find_small(text); code != kMissingCode) return code;
    if (size() < kSmall) small_[size()] = small_key(text);
  }
  const std::uint32_t hash = hash_of(text);
  std::size_t i = probe(text, hash);
  if (slots_[i].code != kMissingCode) return slots_[i].code;
  const auto code = static_cast<std::uint32_t>(size());
  bytes_.append(text);
  starts_.push_back(checked_offset(bytes_.size()));
  slots_[i] = {hash, code};
  if (2 * size() > slots_.size()) rehash(slots_.size() * 2);
  return code;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
  if (distinct_) return scan(text);
  const Slot& slot = slots_[probe(text, hash_of(text))];
  if (slot.code == kMissingCode) return std::nullopt;
  return slot.code;
}

std::optional<std::uint32_t> Dictionary::scan(std::string_view text) const {
  for (std::uint32_t code = 0; code < size(); ++code) {
    if (this->text(code) == text) return code;
  }
  return std::nullopt;
}

void Dictionary::append_distinct(const Dictionary& other) {
  const std::size_t base = bytes_.size();
  bytes_.append(other.bytes_);
  starts_.reserve(starts_.size() + other.size());
  for (std::size_t code = 1; code < other.starts_.size(); ++code) {
    starts_.push_back(checked_offset(base + other.starts_[code]));
  }
}

}  // namespace meetlat::evidence
