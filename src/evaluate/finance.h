// Bonus and malus per calendar month, with caps, in integer cents, explained step by step as facts
// (evaluate/reason.h MoneyLine; report/wording.h words them; docs/escalation-and-money.md).
//
// What is charged in a month: every malus step fired in a final period that ends in that month
// (a quarterly KPI's step is charged in the quarter's last month), and every bonus whose KPI was
// met in such a period for at least `met_streak` consecutive final periods.
//
// The computation of a month, in this order:
//   1. malus % = the fired steps' percentages summed (exact decimals);
//   2. the monthly cap: malus % is at most caps.malus_per_month_pct;
//   3. malus = monthly fee × malus % / 100, rounded once (see below);
//   4. the contract-year cap: the year cap is malus_per_year_pct of twelve monthly fees (rounded
//      once); the malus of the month is at most the cap minus what earlier months of the same
//      contract year were charged, and never below zero;
//   5. bonus = monthly fee × the bonus percentages summed / 100, rounded once; no cap;
//   6. net = bonus − malus (negative: deducted from the fee).
// Rounding, stated once: an amount is computed exactly from the fee in cents and the decimal
// percentages and rounded half away from zero to a whole cent, once per total of the month (the
// malus, the bonus) and once for a cap; explanation lines per step show that step's own amount
// rounded the same way, so they may differ by a cent from the total of a month with several steps.
//
// Pure; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"
#include "evaluate/track.h"

namespace meetlat::evaluate {

// Every month from the one containing the contract start through `last_month`, in order. The
// tracks must reach at least through the periods ending in `last_month`.
std::vector<MonthFinance> finance_by_month(const Context& ctx, const std::vector<KpiTrack>& tracks,
                                           const time::Period& last_month);

// The contract years of `months` (as finance_by_month returns them), in order.
std::vector<YearFinance> finance_by_year(const contract::Contract& contract,
                                         const std::vector<MonthFinance>& months);

// The finance of `requested`: the months it overlaps, summed, out of `months`.
Finance finance_of(const contract::Contract& contract, const std::vector<MonthFinance>& months,
                   const time::Period& requested);

// percent (exact decimal, 2 = 2%) of `cents`, rounded half away from zero.
std::int64_t percent_of(std::int64_t cents, const contract::Decimal& percent);

}  // namespace meetlat::evaluate
