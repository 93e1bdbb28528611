// The facts of a result (evaluate/reason.h) in words and numbers of one language (catalogue.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/model.h"
#include "evaluate/reason.h"
#include "report/catalogue.h"

namespace meetlat::report {

// "KPI-01 (P2) breached for the 3rd consecutive month" / "... voor de 3e maand op rij niet
// gehaald".
std::string reason_text(const evaluate::Reason& reason, const Catalogue& words);

// One line of a month's money; `fee` is the contract's monthly fee.
std::string money_line_text(const evaluate::MoneyLine& line, const contract::Money& fee,
                            const Catalogue& words);
std::vector<std::string> money_lines_text(const std::vector<evaluate::MoneyLine>& lines,
                                          const contract::Money& fee, const Catalogue& words);

// `digits` (unsigned: "1234567") with `mark` between every three from the right ("1.234.567").
std::string grouped_digits(std::string digits, char mark);

// "€100,000.00" / "€ 100.000,00": the symbol for EUR, else the currency code.
std::string money_text(std::int64_t cents, const std::string& currency, const Catalogue& words);
// A decimal in its shortest form: "2", "2.5" / "2,5".
std::string decimal_text(const contract::Decimal& d, const Catalogue& words);
// `v` with one decimal: "15.0" / "15,0".
std::string one_decimal_text(double v, const Catalogue& words);

}  // namespace meetlat::report
