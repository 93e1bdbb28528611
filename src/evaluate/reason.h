// Why something happened, as facts rather than sentences: why a ladder step fired or a bonus was
// earned (Reason), and each line of a month's money (MoneyLine). The report module words them in
// each language from its catalogues (report/wording.h), so a language is a catalogue, not a field.
#pragma once

#include <cstdint>
#include <string>

#include "contract/model.h"
#include "time/period.h"

namespace meetlat::evaluate {

struct Reason {
  enum class Kind {
    kBreached,        // the subject was breached this period
    kBreachedStreak,  // ... for the `count`-th consecutive period
    kBreachedWithin,  // ... for the `count`-th time within the window
    kMissesWithin,    // `count` misses within the window, `misses` of them this period
    kDeviation,       // an objective misses its norm by `miss`, more than `amount`
    kMetStreak,       // met for the `count`-th consecutive period (a bonus)
  };
  Kind kind = Kind::kBreached;
  // What it is about: "KPI-01", "KPI-01 (P2, P3)" (the objectives breached), "KPI-02
  // migration_accuracy" (a step on one objective).
  std::string subject;
  time::Cadence cadence = time::Cadence::kMonth;  // of the period
  std::int64_t count = 0;
  std::int64_t misses = 0;  // kMissesWithin: failing items in this period
  // kBreachedWithin, kMissesWithin: the window, the current contract year or the last
  // `window_months` calendar months.
  bool contract_year = false;
  int window_months = 0;
  // kDeviation: the miss and the rule's amount as fractions (0.15: 15% of the norm, or 15
  // percentage points of a ratio when percentage_points).
  double miss = 0;
  double amount = 0;
  bool percentage_points = false;
  contract::Text condition = {};  // kMetStreak: the bonus's condition, as the contract words it
};

// One line of the explanation of a month's money (evaluate/finance.h), in the order computed.
// Amounts in cents of the contract currency; the fee is the contract's monthly fee.
struct MoneyLine {
  enum class Kind {
    kCharge,      // `because` → malus or bonus `pct`% of the fee = `cents`
    kMalusTotal,  // the month's malus steps: `pct`% of the fee = `cents`
    kMonthCap,    // the monthly cap `pct`% of the fee = `cents`: malus `before_cents` → `cents`
    kYearCap,     // contract year `contract_year`: cap `pct`% of 12 fees = `cap_cents`; charged
                  // earlier `earlier_cents`; malus `before_cents` → `cents` (what is left)
    kNet,         // bonus `bonus_cents` − malus `malus_cents` = `cents`
    kExampleValues,  // the fee or a percentage is an example value, not yet agreed
  };
  Kind kind = Kind::kCharge;
  Reason because = {};  // kCharge
  bool bonus = false;   // kCharge
  contract::Decimal pct = {};
  std::int64_t cents = 0;
  std::int64_t before_cents = 0;
  std::int64_t cap_cents = 0;
  std::int64_t earlier_cents = 0;
  std::int64_t bonus_cents = 0;
  std::int64_t malus_cents = 0;
  int contract_year = 0;
};

}  // namespace meetlat::evaluate
