#include "evaluate/finance.h"

#include <algorithm>
#include <cstdlib>

namespace meetlat::evaluate {
namespace {

std::string group_digits(std::int64_t units, char separator) {
  std::string digits = std::to_string(units);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), 1, separator);
  }
  return digits;
}

std::string symbol(const std::string& currency) { return currency == "EUR" ? "€" : currency; }

std::string decimal_text(const contract::Decimal& d) {
  std::string digits = std::to_string(std::llabs(d.units));
  if (d.scale > 0) {
    const auto scale = static_cast<std::size_t>(d.scale);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, ".");
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  return (d.units < 0 ? "-" : "") + digits;
}

contract::Decimal add(const contract::Decimal& a, const contract::Decimal& b) {
  const int scale = std::max(a.scale, b.scale);
  auto widen = [&](const contract::Decimal& d) {
    std::int64_t u = d.units;
    for (int i = d.scale; i < scale; ++i) u *= 10;
    return u;
  };
  return {widen(a) + widen(b), scale};
}

bool less(const contract::Decimal& a, const contract::Decimal& b) {
  return add(a, {-b.units, b.scale}).units < 0;
}

}  // namespace

std::int64_t percent_of(std::int64_t cents, const contract::Decimal& percent) {
  __extension__ using i128 = __int128;
  i128 denominator = 100;
  for (int i = 0; i < percent.scale; ++i) denominator *= 10;
  const i128 numerator = static_cast<i128>(cents) * percent.units;
  const i128 half = denominator / 2;
  const i128 rounded = numerator >= 0 ? (numerator + half) / denominator
                                      : -((-numerator + half) / denominator);
  return static_cast<std::int64_t>(rounded);
}

std::string format_money_nl(std::int64_t cents, const std::string& currency) {
  const std::int64_t a = std::llabs(cents);
  const std::string frac = (a % 100 < 10 ? "0" : "") + std::to_string(a % 100);
  return (cents < 0 ? "-" : "") + symbol(currency) + " " + group_digits(a / 100, '.') + "," + frac;
}

std::string format_money_en(std::int64_t cents, const std::string& currency) {
  const std::int64_t a = std::llabs(cents);
  const std::string frac = (a % 100 < 10 ? "0" : "") + std::to_string(a % 100);
  return (cents < 0 ? "-" : "") + symbol(currency) + group_digits(a / 100, ',') + "." + frac;
}

Finance compute_finance(const contract::Contract& contract, const std::vector<KpiResult>& kpis) {
  Finance f;
  f.monthly_fee_cents = contract.monthly_fee.cents;
  f.currency = contract.monthly_fee.currency;
  f.example = contract.example_money();
  const std::string fee_nl = format_money_nl(f.monthly_fee_cents, f.currency);
  const std::string fee_en = format_money_en(f.monthly_fee_cents, f.currency);
  contract::Decimal total{0, 0};
  for (const auto& k : kpis) {
    for (const auto& fired : k.escalation.steps) {
      if (!fired.step->malus_pct) continue;
      const auto& pct = *fired.step->malus_pct;
      total = add(total, pct);
      const auto cents = percent_of(f.monthly_fee_cents, pct);
      f.explanation_nl.push_back(k.kpi->id + ": " + fired.because + " → malus " +
                                 decimal_text(pct) + "% van " + fee_nl + " = " +
                                 format_money_nl(cents, f.currency));
      f.explanation_en.push_back(k.kpi->id + ": " + fired.because + " → malus " +
                                 decimal_text(pct) + "% of " + fee_en + " = " +
                                 format_money_en(cents, f.currency));
    }
  }
  if (contract.caps.malus_per_month_pct && less(*contract.caps.malus_per_month_pct, total)) {
    total = *contract.caps.malus_per_month_pct;
    f.capped = true;
    f.explanation_nl.push_back("maximum per maand: " + decimal_text(total) + "%");
    f.explanation_en.push_back("monthly cap: " + decimal_text(total) + "%");
  }
  f.malus_pct = total.to_double();
  f.malus_cents = percent_of(f.monthly_fee_cents, total);
  if (f.example && !f.explanation_nl.empty()) {
    f.explanation_nl.push_back("let op: voorbeeldwaarden, nog niet overeengekomen");
    f.explanation_en.push_back("note: example values, not yet agreed");
  }
  return f;
}

}  // namespace meetlat::evaluate
