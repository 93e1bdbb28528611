// Numbers, values, norms, dates and statuses as the reader's language writes them (catalogue.h):
// "99,95%", "2,5 dagen", "≥ 99,95%", "5 oktober 2026" in Dutch; "99.95%", "2.5 days",
// "5 October 2026" in English. Money is wording.h's money_text. Pure functions of their
// arguments; no C locale is consulted, so the bytes are the same on every machine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "contract/norm.h"
#include "measure/result.h"
#include "report/catalogue.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::report {

// `v` rounded to `decimals` decimals, thousands grouped: "12.345,6" / "12,345.6".
std::string number_text(double v, int decimals, const Catalogue& words);
// A count, thousands grouped: "5.236" / "5,236".
std::string count_text(std::int64_t n, const Catalogue& words);

// A value in its unit with the decimals of shown_value.h, so that it reads on the side of `norm`
// the engine decided: a ratio in percent ("99,95%"), milliseconds ("312 ms"), days, weeks, a
// count.
std::string value_text(contract::Unit unit, double value, const contract::Norm& norm,
                       const Catalogue& words);
// The value in the unit a chart plots it in: percent for a ratio, else the value itself.
double shown_unit_value(contract::Unit unit, double value);
// The norm with its exact threshold: "≥ 99,95%", "< 300 ms".
std::string norm_text(const contract::Norm& norm, const Catalogue& words);
// The unit's suffix as the value shows it: "%", " ms", " dagen", "".
std::string unit_suffix(contract::Unit unit, const Catalogue& words);

// "5 oktober 2026" / "5 October 2026".
std::string date_text(time::Date d, const Catalogue& words);
// The calendar day and the wall-clock time in the contract zone: "5 oktober 2026 17:00".
std::string instant_text(time::Instant t, const time::Zone& zone, const Catalogue& words);
// "oktober 2026" / "October 2026" for the month holding `first_day`.
std::string month_text(time::Date first_day, const Catalogue& words);

// The status in words ("gehaald", "niet gehaald", "lopend", "geen gegevens") and a symbol that
// says it without colour ("✓", "✗", "…", "–").
std::string status_word(measure::Status s, const Catalogue& words);
std::string_view status_symbol(measure::Status s);
// A class name for the status's colour: "met", "breached", "pending", "no-data".
std::string_view status_class(measure::Status s);

}  // namespace meetlat::report
