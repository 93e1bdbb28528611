// Bonus/malus of one evaluated period: the malus percentages of the ladder steps that fired, as a
// share of the monthly fee, capped per month, in integer cents, with a line of explanation per
// step in Dutch and English.
//
// Rounding, stated once: an amount is fee_cents × percent / 100, rounded half away from zero to a
// whole cent.
#pragma once

#include <cstdint>
#include <string>

#include "contract/model.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

Finance compute_finance(const contract::Contract& contract, const std::vector<KpiResult>& kpis);

// percent (exact decimal, 2 = 2%) of `cents`, rounded half away from zero.
std::int64_t percent_of(std::int64_t cents, const contract::Decimal& percent);

// "€ 100.000,00" (nl) / "€100,000.00" (en) style amounts for explanations.
std::string format_money_nl(std::int64_t cents, const std::string& currency);
std::string format_money_en(std::int64_t cents, const std::string& currency);

}  // namespace meetlat::evaluate
