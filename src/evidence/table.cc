#include "evidence/table.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "evidence/huge_page_allocator.h"
#include "parallel/parallel_for.h"

namespace meetlat::evidence {
namespace {

// Reserves room for `rows` values on 2 MiB pages where the reservation is large enough.
template <typename T>
void reserve_large(std::vector<T>& values, std::size_t rows) {
  values.reserve(rows);
  if (values.empty()) advise_huge_pages(values.data(), values.capacity() * sizeof(T));
}

template <typename T>
void keep_rows_of(std::vector<T>& values, const std::vector<std::uint8_t>& keep) {
  if (values.empty()) return;
  std::size_t out = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (keep[i]) values[out++] = values[i];
  }
  values.resize(out);
}

template <typename T>
void append_values(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

void append_codes(Column& to, const Column& from) {
  auto append = [&](auto code_in_to) {
    to.codes.reserve(to.codes.size() + from.codes.size());
    for (std::uint32_t code : from.codes) {
      to.codes.push_back(code == kMissingCode ? kMissingCode : code_in_to(code));
    }
  };
  if (to.dictionary.distinct()) {  // other's strings follow this one's: codes shift by its size
    const auto base = static_cast<std::uint32_t>(to.dictionary.size());
    to.dictionary.append_distinct(from.dictionary);
    append([base](std::uint32_t code) { return base + code; });
    return;
  }
  std::vector<std::uint32_t> recode(from.dictionary.size());
  to.dictionary.reserve(to.dictionary.size() + from.dictionary.size());
  for (std::uint32_t code = 0; code < recode.size(); ++code) {
    recode[code] = to.dictionary.intern(from.dictionary.text(code));
  }
  append([&recode](std::uint32_t code) { return recode[code]; });
}

}  // namespace

std::size_t Column::size() const {
  switch (schema->type) {
    case ColumnType::kInstant:
      return instants.size();
    case ColumnType::kDate:
      return dates.size();
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      return codes.size();
    case ColumnType::kBool:
      return bools.size();
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      return numbers.size();
  }
  return 0;
}

Table::Table(const FileSchema& schema) : schema_(&schema) {
  columns_.resize(schema.columns.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) columns_[i].schema = &schema.columns[i];
  if (schema.key.size() == 1) {
    columns_.at(static_cast<std::size_t>(schema.column_index(schema.key.front())))
        .dictionary.set_distinct();
  }
}

const Column& Table::named(std::string_view name) const {
  const int index = schema_->column_index(name);
  if (index < 0) {
    throw std::logic_error(std::string(schema_->file_name) + " has no column " + std::string(name));
  }
  return columns_[static_cast<std::size_t>(index)];
}

const Column& Table::typed(std::string_view name, std::initializer_list<ColumnType> types) const {
  const Column& column = named(name);
  if (!column.kept) {
    throw std::logic_error(std::string(schema_->file_name) + " column " + std::string(name) +
                           " was not kept: no measure of the contract reads it");
  }
  if (std::find(types.begin(), types.end(), column.schema->type) == types.end()) {
    throw std::logic_error(std::string(schema_->file_name) + " column " + std::string(name) +
                           " is of type " + std::string(column_type_name(column.schema->type)) +
                           ", not " + std::string(column_type_name(*types.begin())));
  }
  return column;
}

std::span<const time::Instant> Table::instants(std::string_view column) const {
  return typed(column, {ColumnType::kInstant}).instants;
}

std::span<const std::uint8_t> Table::bare_dates(std::string_view column) const {
  return typed(column, {ColumnType::kInstant}).bare_dates;
}

std::span<const time::Date> Table::dates(std::string_view column) const {
  return typed(column, {ColumnType::kDate}).dates;
}

std::span<const std::uint32_t> Table::codes(std::string_view column) const {
  return typed(column, {ColumnType::kId, ColumnType::kCategory, ColumnType::kText}).codes;
}

const Dictionary& Table::dictionary(std::string_view column) const {
  return typed(column, {ColumnType::kId, ColumnType::kCategory, ColumnType::kText}).dictionary;
}

std::string_view Table::text(std::string_view column, std::size_t row) const {
  const std::uint32_t code = codes(column)[row];
  if (code == kMissingCode) return {};
  return dictionary(column).text(code);
}

std::span<const double> Table::numbers(std::string_view column) const {
  return typed(column, {ColumnType::kNumber, ColumnType::kRatio}).numbers;
}

std::span<const std::int8_t> Table::bools(std::string_view column) const {
  return typed(column, {ColumnType::kBool}).bools;
}

bool Table::column_kept(std::string_view column) const { return named(column).kept; }

bool Table::in_file(std::string_view column) const { return named(column).in_file; }

void Table::append(Table&& other) {
  // Each column on its own (the last index: the lines), on all cores.
  parallel::parallel_for(columns_.size() + 1, [&](std::size_t i) {
    if (i == columns_.size()) {
      append_values(lines_, other.lines_);
      return;
    }
    Column& to = columns_[i];
    const Column& from = other.columns_[i];
    to.in_file = to.in_file || from.in_file;
    to.kept = to.kept && from.kept;
    if (!from.bare_dates.empty()) to.bare_dates.resize(to.instants.size(), 0);
    append_values(to.bare_dates, from.bare_dates);
    append_values(to.instants, from.instants);
    append_values(to.dates, from.dates);
    append_values(to.numbers, from.numbers);
    append_values(to.bools, from.bools);
    if (!from.codes.empty()) append_codes(to, from);
  });
}

void Table::reserve(std::size_t rows) {
  for (Column& column : columns_) {
    switch (column.schema->type) {
      case ColumnType::kInstant:
        reserve_large(column.instants, rows);
        break;
      case ColumnType::kDate:
        reserve_large(column.dates, rows);
        break;
      case ColumnType::kId:  // ids are mostly distinct: room for one string a row
        reserve_large(column.codes, rows);
        column.dictionary.reserve(rows);
        break;
      case ColumnType::kCategory:
      case ColumnType::kText:
        reserve_large(column.codes, rows);
        break;
      case ColumnType::kBool:
        reserve_large(column.bools, rows);
        break;
      case ColumnType::kNumber:
      case ColumnType::kRatio:
        reserve_large(column.numbers, rows);
        break;
    }
  }
  reserve_large(lines_, rows);
}

void Table::keep_rows(const std::vector<std::uint8_t>& keep) {
  // Each column on its own (the last index: the lines), on all cores.
  parallel::parallel_for(columns_.size() + 1, [&](std::size_t i) {
    if (i == columns_.size()) {
      keep_rows_of(lines_, keep);
      return;
    }
    Column& column = columns_[i];
    keep_rows_of(column.instants, keep);
    keep_rows_of(column.bare_dates, keep);
    keep_rows_of(column.dates, keep);
    keep_rows_of(column.codes, keep);
    keep_rows_of(column.numbers, keep);
    keep_rows_of(column.bools, keep);
  });
}

void Table::clear_rows() {
  for (Column& column : columns_) {
    column.instants.clear();
    column.bare_dates.clear();
    column.dates.clear();
    column.codes.clear();
    column.numbers.clear();
    column.bools.clear();
  }
  lines_.clear();
}

}  // namespace meetlat::evidence
