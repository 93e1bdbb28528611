#include "report/wording.h"

#include <cstdio>
#include <cstdlib>

namespace meetlat::report {
namespace {

using evaluate::MoneyLine;
using evaluate::Reason;

std::string with_mark(std::string text, const Catalogue& words) {
  for (auto& c : text) c = c == '.' ? words.decimal_mark : c;
  return text;
}

std::string window_text(const Reason& r, const Catalogue& words) {
  if (r.contract_year) return words.say("window.contract_year", {});
  return words.say("window.months", {{"months", std::to_string(r.window_months)}});
}

}  // namespace

std::string reason_text(const Reason& r, const Catalogue& words) {
  const std::string period(words.period_word(r.cadence));
  const std::string this_period(words.this_period_word(r.cadence));
  switch (r.kind) {
    case Reason::Kind::kBreached:
      return words.say("reason.breached", {{"subject", r.subject}, {"this_period", this_period}});
    case Reason::Kind::kBreachedStreak:
      return words.say(
          "reason.breached_streak",
          {{"subject", r.subject}, {"nth", words.ordinal(r.count)}, {"period", period}});
    case Reason::Kind::kBreachedWithin:
      return words.say("reason.breached_within", {{"subject", r.subject},
                                                  {"nth", words.ordinal(r.count)},
                                                  {"window", window_text(r, words)}});
    case Reason::Kind::kMissesWithin:
      return words.say("reason.misses_within", {{"subject", r.subject},
                                                {"count", std::to_string(r.count)},
                                                {"window", window_text(r, words)},
                                                {"misses", std::to_string(r.misses)},
                                                {"this_period", this_period}});
    case Reason::Kind::kDeviation:
      return words.say(
          r.percentage_points ? "reason.deviation_points" : "reason.deviation_relative",
          {{"subject", r.subject},
           {"miss", one_decimal_text(r.miss * 100, words)},
           {"amount", one_decimal_text(r.amount * 100, words)}});
    case Reason::Kind::kMetStreak: {
      std::string text =
          words.say("reason.met_streak",
                    {{"subject", r.subject}, {"nth", words.ordinal(r.count)}, {"period", period}});
      const std::string& condition = r.condition.*words.contract_text;
      if (condition.empty()) return text;
      return words.say("reason.condition", {{"reason", std::move(text)}, {"condition", condition}});
    }
  }
  return r.subject;
}

std::string money_line_text(const MoneyLine& line, const contract::Money& fee,
                            const Catalogue& words) {
  auto money = [&](std::int64_t cents) { return money_text(cents, fee.currency, words); };
  switch (line.kind) {
    case MoneyLine::Kind::kCharge:
      return words.say("money.charge", {{"because", reason_text(line.because, words)},
                                        {"kind", line.bonus ? "bonus" : "malus"},
                                        {"pct", decimal_text(line.pct, words)},
                                        {"fee", money(fee.cents)},
                                        {"amount", money(line.cents)}});
    case MoneyLine::Kind::kMalusTotal:
      return words.say("money.malus_total", {{"pct", decimal_text(line.pct, words)},
                                             {"fee", money(fee.cents)},
                                             {"amount", money(line.cents)}});
    case MoneyLine::Kind::kMonthCap:
      return words.say("money.month_cap", {{"pct", decimal_text(line.pct, words)},
                                           {"fee", money(fee.cents)},
                                           {"amount", money(line.cents)},
                                           {"before", money(line.before_cents)}});
    case MoneyLine::Kind::kYearCap:
      return words.say("money.year_cap", {{"year", std::to_string(line.contract_year)},
                                          {"pct", decimal_text(line.pct, words)},
                                          {"fee", money(fee.cents)},
                                          {"cap", money(line.cap_cents)},
                                          {"earlier", money(line.earlier_cents)},
                                          {"amount", money(line.cents)},
                                          {"before", money(line.before_cents)}});
    case MoneyLine::Kind::kNet:
      return words.say("money.net", {{"bonus", money(line.bonus_cents)},
                                     {"malus", money(line.malus_cents)},
                                     {"amount", money(line.cents)}});
    case MoneyLine::Kind::kExampleValues:
      return words.say("money.example_values", {});
  }
  return {};
}

std::vector<std::string> money_lines_text(const std::vector<MoneyLine>& lines,
                                          const contract::Money& fee, const Catalogue& words) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const auto& line : lines) out.push_back(money_line_text(line, fee, words));
  return out;
}

std::string money_text(std::int64_t cents, const std::string& currency, const Catalogue& words) {
  const std::int64_t a = std::llabs(cents);
  const std::string frac = (a % 100 < 10 ? "0" : "") + std::to_string(a % 100);
  const std::string symbol = currency == "EUR" ? "€" : currency;
  return (cents < 0 ? "-" : "") + symbol + std::string(words.after_symbol) +
         grouped_digits(std::to_string(a / 100), words.group_mark) + words.decimal_mark + frac;
}

std::string decimal_text(const contract::Decimal& d, const Catalogue& words) {
  std::string digits = std::to_string(std::llabs(d.units));
  if (d.scale > 0) {
    const auto scale = static_cast<std::size_t>(d.scale);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, 1, words.decimal_mark);
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == words.decimal_mark) digits.pop_back();
  }
  return (d.units < 0 ? "-" : "") + digits;
}

std::string grouped_digits(std::string digits, char mark) {
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), 1, mark);
  }
  return digits;
}

std::string one_decimal_text(double v, const Catalogue& words) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return with_mark(buffer, words);
}

}  // namespace meetlat::report
