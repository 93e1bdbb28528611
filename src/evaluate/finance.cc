#include "evaluate/finance.h"

#include <algorithm>
#include <cstdlib>

namespace meetlat::evaluate {
namespace {

using contract::Decimal;

Decimal add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale, b.scale);
  auto widen = [&](const Decimal& d) {
    std::int64_t u = d.units;
    for (int i = d.scale; i < scale; ++i) u *= 10;
    return u;
  };
  return {widen(a) + widen(b), scale};
}

bool less(const Decimal& a, const Decimal& b) { return add(a, {-b.units, b.scale}).units < 0; }

// One amount charged in a month: a fired malus step or an earned bonus.
struct Charge {
  Decimal pct;
  bool bonus = false;
  Reason because;
};

// A bonus earned in slot s of a track, if any.
std::optional<Charge> bonus_charge(const KpiTrack& t, std::size_t s) {
  const auto& bonus = t.terms[s]->bonus;
  if (!bonus || t.final[s] == 0 || t.status[s] != Status::kMet) return std::nullopt;
  const int streak = t.escalation[s].met_streak;
  if (streak < bonus->met_streak) return std::nullopt;
  Reason why{Reason::Kind::kMetStreak, t.id, t.slots[s].period.cadence, streak};
  why.condition = bonus->condition;
  return Charge{bonus->pct, true, std::move(why)};
}

// The charges of every month in `months`, by month index, in contract order of the KPIs.
std::vector<std::vector<Charge>> charges_by_month(const std::vector<KpiTrack>& tracks,
                                                  const std::vector<time::Period>& months) {
  std::vector<std::vector<Charge>> out(months.size());
  for (const auto& t : tracks) {
    for (std::size_t s = 0; s < t.slots.size(); ++s) {
      const time::Period month = charge_month(t.slots[s]);
      const auto it = std::lower_bound(months.begin(), months.end(), month);
      if (it == months.end() || it->first_day != month.first_day) continue;
      auto& list = out[static_cast<std::size_t>(it - months.begin())];
      for (const auto& fired : t.escalation[s].steps) {
        const contract::LadderStep& step = *t.terms[s]->find_step(fired.action);
        if (!step.malus_pct) continue;
        list.push_back({*step.malus_pct, false, fired.because});
      }
      if (auto bonus = bonus_charge(t, s)) list.push_back(std::move(*bonus));
    }
  }
  return out;
}

int contract_year_of(const time::Period& month, time::Date start) {
  const std::chrono::year_month_day a{start};
  const std::chrono::year_month_day b{month.first_day};
  const int months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
                     static_cast<int>(static_cast<unsigned>(b.month())) -
                     static_cast<int>(static_cast<unsigned>(a.month()));
  return months / 12 + 1;
}

// Prices the months of a contract in order, carrying the contract-year total for the year cap.
class MonthPricer {
 public:
  explicit MonthPricer(const contract::Contract& c) : contract_(c), fee_(c.monthly_fee.cents) {}

  MonthFinance price(MonthFinance m, const std::vector<Charge>& charges) {
    if (m.contract_year != year_) {
      year_ = m.contract_year;
      year_malus_ = 0;
    }
    const Decimal malus_pct = explain_charges(m, charges);
    apply_month_cap(m, malus_pct);
    apply_year_cap(m);
    year_malus_ += m.malus_cents;
    m.year_malus_cents = year_malus_;
    m.net_cents = m.bonus_cents - m.malus_cents;
    if (m.bonus_cents != 0 && m.malus_cents != 0) {
      MoneyLine net{MoneyLine::Kind::kNet};
      net.cents = m.net_cents;
      net.bonus_cents = m.bonus_cents;
      net.malus_cents = m.malus_cents;
      m.explanation.push_back(std::move(net));
    }
    return m;
  }

 private:
  // One line per charge; sets the bonus and returns the malus percentage before the caps.
  Decimal explain_charges(MonthFinance& m, const std::vector<Charge>& charges) {
    Decimal malus{0, 0};
    Decimal bonus{0, 0};
    int malus_steps = 0;
    for (const auto& c : charges) {
      MoneyLine line{MoneyLine::Kind::kCharge, c.because, c.bonus, c.pct};
      line.cents = percent_of(fee_, c.pct);
      m.explanation.push_back(std::move(line));
      if (c.bonus) {
        bonus = add(bonus, c.pct);
      } else {
        malus = add(malus, c.pct);
        ++malus_steps;
      }
    }
    m.bonus_cents = percent_of(fee_, bonus);
    m.malus_pct = malus.to_double();
    m.malus_uncapped_cents = percent_of(fee_, malus);
    if (malus_steps > 1) {
      MoneyLine total{MoneyLine::Kind::kMalusTotal};
      total.pct = malus;
      total.cents = m.malus_uncapped_cents;
      m.explanation.push_back(std::move(total));
    }
    return malus;
  }

  void apply_month_cap(MonthFinance& m, const Decimal& malus_pct) {
    m.malus_cents = m.malus_uncapped_cents;
    const auto& cap = contract_.caps.malus_per_month_pct;
    if (!cap || !less(*cap, malus_pct)) return;
    m.capped_month = true;
    m.malus_cents = percent_of(fee_, *cap);
    MoneyLine line{MoneyLine::Kind::kMonthCap};
    line.pct = *cap;
    line.cents = m.malus_cents;
    line.before_cents = m.malus_uncapped_cents;
    m.explanation.push_back(std::move(line));
  }

  void apply_year_cap(MonthFinance& m) {
    const auto& cap = contract_.caps.malus_per_year_pct;
    if (!cap || m.malus_cents == 0) return;
    const std::int64_t cap_cents = percent_of(12 * fee_, *cap);
    const std::int64_t left = std::max<std::int64_t>(0, cap_cents - year_malus_);
    if (m.malus_cents <= left) return;
    const std::int64_t before = m.malus_cents;
    m.malus_cents = left;
    m.capped_year = true;
    MoneyLine line{MoneyLine::Kind::kYearCap};
    line.pct = *cap;
    line.cents = left;
    line.before_cents = before;
    line.cap_cents = cap_cents;
    line.earlier_cents = year_malus_;
    line.contract_year = m.contract_year;
    m.explanation.push_back(std::move(line));
  }

  const contract::Contract& contract_;
  std::int64_t fee_;
  int year_ = 0;
  std::int64_t year_malus_ = 0;
};

}  // namespace

std::int64_t percent_of(std::int64_t cents, const Decimal& percent) {
  __extension__ using i128 = __int128;
  i128 denominator = 100;
  for (int i = 0; i < percent.scale; ++i) denominator *= 10;
  const i128 numerator = static_cast<i128>(cents) * percent.units;
  const i128 half = denominator / 2;
  const i128 rounded =
      numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
  return static_cast<std::int64_t>(rounded);
}

std::vector<MonthFinance> finance_by_month(const Context& ctx, const std::vector<KpiTrack>& tracks,
                                           const time::Period& last_month) {
  const time::Date start = ctx.contract().start;
  std::vector<time::Period> months;
  for (time::Period p = time::period_containing(time::Cadence::kMonth, start);
       p.first_day <= last_month.first_day; p = time::next_period(p)) {
    months.push_back(p);
  }
  const auto charges = charges_by_month(tracks, months);
  MonthPricer pricer(ctx.contract());
  std::vector<MonthFinance> out;
  out.reserve(months.size());
  for (std::size_t i = 0; i < months.size(); ++i) {
    MonthFinance m;
    m.month = months[i];
    m.month_name = time::period_name(months[i]);
    m.contract_year = contract_year_of(months[i], start);
    m.final = !(ctx.as_of() < time::window(months[i], ctx.zone()).to);
    out.push_back(pricer.price(std::move(m), charges[i]));
  }
  return out;
}

std::vector<YearFinance> finance_by_year(const contract::Contract& contract,
                                         const std::vector<MonthFinance>& months) {
  std::vector<YearFinance> out;
  for (const auto& m : months) {
    if (out.empty() || out.back().contract_year != m.contract_year) {
      YearFinance y;
      y.contract_year = m.contract_year;
      y.period =
          time::period_containing(time::Cadence::kContractYear,
                                  std::max(m.month.first_day, contract.start), contract.start);
      if (contract.caps.malus_per_year_pct) {
        y.malus_cap_cents =
            percent_of(12 * contract.monthly_fee.cents, *contract.caps.malus_per_year_pct);
      }
      out.push_back(y);
    }
    auto& y = out.back();
    y.malus_cents += m.malus_cents;
    y.bonus_cents += m.bonus_cents;
    y.net_cents += m.net_cents;
    y.capped = y.capped || m.capped_year;
  }
  return out;
}

Finance finance_of(const contract::Contract& contract, const std::vector<MonthFinance>& months,
                   const time::Period& requested) {
  Finance f;
  f.monthly_fee_cents = contract.monthly_fee.cents;
  f.currency = contract.monthly_fee.currency;
  f.example = contract.example_money();
  for (const auto& m : months) {
    if (!(m.month.first_day < requested.end_day && requested.first_day < m.month.end_day)) {
      continue;
    }
    f.malus_pct += m.malus_pct;
    f.malus_cents += m.malus_cents;
    f.bonus_cents += m.bonus_cents;
    f.net_cents += m.net_cents;
    f.capped = f.capped || m.capped_month || m.capped_year;
    f.explanation.insert(f.explanation.end(), m.explanation.begin(), m.explanation.end());
    f.months.push_back(m);
  }
  if (!f.months.empty()) {
    const auto years = finance_by_year(contract, months);
    for (const auto& y : years) {
      if (y.contract_year == f.months.back().contract_year) f.year = y;
    }
  }
  if (f.example) f.explanation.push_back({MoneyLine::Kind::kExampleValues});
  return f;
}

}  // namespace meetlat::evaluate
