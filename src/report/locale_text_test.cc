// Numbers, values, norms and dates as a reader of each language writes them, and a value never
// shown rounded to the other side of its norm.
#include "report/locale_text.h"

#include <gtest/gtest.h>

#include "report/svg_chart.h"
#include "report/wording.h"

namespace meetlat::report {
namespace {

using contract::Decimal;
using contract::Norm;
using contract::Op;
using contract::Unit;

Norm at_least_9995() { return Norm{Op::kGe, Decimal{9995, 4}, Unit::kRatio, false}; }

TEST(LocaleText, DutchAndEnglishMarks) {
  EXPECT_EQ(value_text(Unit::kRatio, 0.9996, at_least_9995(), dutch()), "99,96%");
  EXPECT_EQ(value_text(Unit::kRatio, 0.9996, at_least_9995(), english()), "99.96%");
  EXPECT_EQ(norm_text(at_least_9995(), dutch()), "≥ 99,95%");
  EXPECT_EQ(money_text(200000, "EUR", dutch()), "€ 2.000,00");
  EXPECT_EQ(money_text(200000, "EUR", english()), "€2,000.00");
  EXPECT_EQ(count_text(5236, dutch()), "5.236");
  EXPECT_EQ(count_text(5236, english()), "5,236");
  EXPECT_EQ(number_text(-1234.56, 1, dutch()), "-1.234,6");
  EXPECT_EQ(number_text(-0.001, 2, english()), "0.00");
}

TEST(LocaleText, DatesInTheReadersLanguage) {
  const time::Date d{std::chrono::local_days{std::chrono::year{2026} / 10 / 5}};
  EXPECT_EQ(date_text(d, dutch()), "5 oktober 2026");
  EXPECT_EQ(date_text(d, english()), "5 October 2026");
  EXPECT_EQ(month_text(d, dutch()), "oktober 2026");
}

TEST(LocaleText, NeverRoundedAcrossTheNorm) {
  // 99.9497% breaches ">= 99.95%": two decimals would show "99,95%" beside "niet gehaald".
  EXPECT_EQ(value_text(Unit::kRatio, 0.999497, at_least_9995(), dutch()), "99,9497%");
  const Norm under_300{Op::kLt, Decimal{300, 0}, Unit::kMs, false};
  EXPECT_EQ(value_text(Unit::kMs, 299.6, under_300, dutch()), "299,6 ms");
  EXPECT_EQ(value_text(Unit::kMs, 312, under_300, english()), "312 ms");
  EXPECT_EQ(norm_text(under_300, dutch()), "< 300 ms");
  const Norm within_days{Op::kLe, Decimal{25, 1}, Unit::kDays, false};
  EXPECT_EQ(norm_text(within_days, dutch()), "≤ 2,5 dagen");
}

TEST(SvgChart, SameChartSameBytesAndATextAlternative) {
  LineChart c;
  c.id = "chart-kpi-01-p1";
  c.title = "KPI-01 P1 <tickets>";
  c.description = "oktober 2026: 99,96%, gehaald";
  c.points = {{"sep", 99.9, measure::Status::kBreached}, {"okt", 99.96, measure::Status::kMet}};
  c.norm = 99.95;
  std::tie(c.low, c.high) = chart_range(c.points, c.norm);
  const std::string svg = line_chart_svg(c);
  EXPECT_EQ(svg, line_chart_svg(c));
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-kpi-01-p1-title\">KPI-01 P1 &lt;tickets&gt;</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("<desc"), std::string::npos);
  EXPECT_NE(svg.find("class=\"m-met\""), std::string::npos);       // a circle
  EXPECT_NE(svg.find("class=\"m-breached\""), std::string::npos);  // a cross
  EXPECT_LT(c.low, 99.9);
  EXPECT_GT(c.high, 99.96);
}

}  // namespace
}  // namespace meetlat::report
