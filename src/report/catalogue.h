// The words and number formats of one language: every sentence a report says about the facts of a
// result (evaluate/reason.h), as a template with {name} placeholders, and how the language writes
// ordinals, periods, decimals and money. A language is one catalogue (catalogue_en.cc,
// catalogue_nl.cc); wording.h fills the templates in. A third language is a third file.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contract/model.h"
#include "time/period.h"

namespace meetlat::report {

struct Catalogue {
  std::string_view language;  // "en", "nl"
  // Message id → template: "{subject} breached for the {nth} consecutive {period}".
  std::map<std::string_view, std::string_view, std::less<>> messages;
  // By time::Cadence (week, month, quarter, half-year, year, contract year): the singular noun,
  // and "this <period>" (Dutch: "deze maand" but "dit kwartaal").
  std::array<std::string_view, 6> period;
  std::array<std::string_view, 6> this_period;
  std::string (*ordinal)(std::int64_t n) = nullptr;  // "3rd", "3e"
  char decimal_mark = '.';
  char group_mark = ',';
  std::string_view after_symbol;  // between the currency symbol and the amount: "", " "
  // The contract's own words in this language (a KPI title, a step label, a bonus condition).
  std::string contract::Text::*contract_text = &contract::Text::en;

  // The template `id` with each {name} replaced by its value. Throws std::out_of_range for an id
  // the catalogue lacks, naming both.
  std::string say(std::string_view id,
                  const std::vector<std::pair<std::string_view, std::string>>& values) const;
  std::string_view period_word(time::Cadence c) const;
  std::string_view this_period_word(time::Cadence c) const;
};

const Catalogue& english();
const Catalogue& dutch();

}  // namespace meetlat::report
