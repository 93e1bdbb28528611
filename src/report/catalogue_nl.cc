// Nederlands.
#include "report/catalogue.h"

namespace meetlat::report {
namespace {

std::string ordinal(std::int64_t n) { return std::to_string(n) + "e"; }

}  // namespace

const Catalogue& dutch() {
  static const Catalogue catalogue{
      "nl",
      {
          {"reason.breached", "{subject} niet gehaald {this_period}"},
          {"reason.breached_streak", "{subject} voor de {nth} {period} op rij niet gehaald"},
          {"reason.breached_within", "{subject} voor de {nth} keer niet gehaald binnen {window}"},
          {"reason.misses_within",
           "{subject}: {count} keer gemist binnen {window} ({misses} {this_period})"},
          {"reason.deviation_relative",
           "{subject} wijkt {miss}% af van de norm (meer dan {amount}%)"},
          {"reason.deviation_points",
           "{subject} wijkt {miss} procentpunt af van de norm (meer dan {amount})"},
          {"reason.met_streak", "{subject} voor de {nth} {period} op rij gehaald"},
          {"reason.condition", "{reason} ({condition})"},
          {"window.months", "{months} maanden"},
          {"window.contract_year", "het contractjaar"},
          {"money.charge", "{because} → {kind} {pct}% van {fee} = {amount}"},
          {"money.malus_total", "malus totaal {pct}% van {fee} = {amount}"},
          {"money.month_cap",
           "maximum per maand {pct}% van {fee} = {amount}: malus {before} → {amount}"},
          {"money.year_cap",
           "maximum contractjaar {year}: {pct}% van 12 × {fee} = {cap}; eerder dit contractjaar "
           "{earlier}, ruimte {amount}: malus {before} → {amount}"},
          {"money.net", "netto: bonus {bonus} − malus {malus} = {amount}"},
          {"money.example_values",
           "let op: voorbeeldwaarden (vergoeding of percentages), nog niet overeengekomen"},
      },
      {"week", "maand", "kwartaal", "halfjaar", "jaar", "contractjaar"},
      {"deze week", "deze maand", "dit kwartaal", "dit halfjaar", "dit jaar", "dit contractjaar"},
      &ordinal,
      ',',
      '.',
      " ",
      &contract::Text::nl,
  };
  return catalogue;
}

}  // namespace meetlat::report
