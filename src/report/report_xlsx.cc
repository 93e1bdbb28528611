#include "report/report_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "report/data_quality.h"
#include "report/engine_text.h"
#include "report/locale_text.h"
#include "report/shown_value.h"
#include "report/wording.h"
#include "time/parse.h"
#include "time/period.h"

namespace meetlat::report {
namespace {

namespace fs = std::filesystem;
using evaluate::HistoryKpi;
using evaluate::ObjectiveResult;

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error("XLSX: " + std::string(what) + ": " + lxw_strerror(error));
  }
}

// A workbook being written and its formats, one per number format (libxlsxwriter owns them).
class Book {
 public:
  explicit Book(lxw_workbook* book) : book_(book) {}
  lxw_workbook* get() const { return book_; }
  lxw_format* format(const std::string& num_format) {
    auto& f = formats_[num_format];
    if (f == nullptr) {
      f = workbook_add_format(book_);
      if (num_format == "header") {
        format_set_bold(f);
      } else {
        format_set_num_format(f, num_format.c_str());
      }
    }
    return f;
  }

 private:
  lxw_workbook* book_;
  std::map<std::string, lxw_format*> formats_;
};

// A sheet being written: the row and column to write next.
class Sheet {
 public:
  Sheet(Book& book, const char* name, const MonthlyReport& r,
        const std::vector<const char*>& header_keys)
      : book_(book),
        sheet_(workbook_add_worksheet(book.get(), name)),
        columns_(header_keys.size()) {
    if (sheet_ == nullptr) throw std::runtime_error(std::string("XLSX: cannot add sheet ") + name);
    lxw_format* bold = book_.format("header");
    lxw_col_t col = 0;
    for (const char* key : header_keys) {
      check(worksheet_write_string(sheet_, 0, col, r.words->say(key, {}).c_str(), bold), name);
      check(worksheet_set_column(sheet_, col, col, col == 0 ? 14 : 18, nullptr), name);
      ++col;
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;
  ~Sheet() {
    // The filter covers the header and every row written; a sheet without rows filters the
    // header alone.
    worksheet_autofilter(sheet_, 0, 0, row_ > 0 ? row_ : 0, static_cast<lxw_col_t>(columns_ - 1));
  }

  void next_row() {
    ++row_;
    col_ = 0;
  }
  void text(const std::string& value) {
    check(worksheet_write_string(sheet_, row_, col_++, value.c_str(), nullptr), "text");
  }
  void number(double value, const std::string& num_format = "") {
    check(worksheet_write_number(sheet_, row_, col_++, value,
                                 num_format.empty() ? nullptr : book_.format(num_format)),
          "number");
  }
  void optional_number(const std::optional<double>& value, const std::string& num_format) {
    if (value) {
      number(*value, num_format);
    } else {
      ++col_;
    }
  }
  void boolean(bool value) {
    check(worksheet_write_boolean(sheet_, row_, col_++, value ? 1 : 0, nullptr), "boolean");
  }
  void instant(time::Instant t, const time::Zone& zone) {
    const auto local = zone.to_local(t);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(local - day)};
    lxw_datetime dt{static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())),
                    static_cast<int>(hms.hours().count()),
                    static_cast<int>(hms.minutes().count()),
                    static_cast<double>(hms.seconds().count())};
    check(worksheet_write_datetime(sheet_, row_, col_++, &dt, book_.format("yyyy-mm-dd hh:mm")),
          "date");
  }
  void month(time::Date first_day) {
    const std::chrono::year_month_day ymd{first_day};
    lxw_datetime dt{static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    1,
                    0,
                    0,
                    0};
    check(worksheet_write_datetime(sheet_, row_, col_++, &dt, book_.format("yyyy-mm")), "month");
  }
  void date(time::Date d) {
    const std::chrono::year_month_day ymd{d};
    lxw_datetime dt{static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())),
                    0,
                    0,
                    0};
    check(worksheet_write_datetime(sheet_, row_, col_++, &dt, book_.format("yyyy-mm-dd")), "date");
  }
  void skip() { ++col_; }
  // Moves on to `column` of the row (never back).
  void to(std::size_t column) {
    if (column < col_) throw std::logic_error("XLSX: a cell written out of order");
    col_ = static_cast<lxw_col_t>(column);
  }

 private:
  Book& book_;
  lxw_worksheet* sheet_;
  std::size_t columns_;
  lxw_row_t row_ = 0;
  lxw_col_t col_ = 0;
};

// The number format of a value in `unit` with `decimals` decimals in the unit it is shown in.
std::string value_format(contract::Unit unit, int decimals) {
  std::string digits = decimals > 0 ? "0." + std::string(decimals, '0') : "0";
  switch (unit) {
    case contract::Unit::kRatio:
      return digits + "%";
    case contract::Unit::kMs:
      return "#,##" + digits + "\" ms\"";
    case contract::Unit::kDays:
      return "#,##" + digits + "\" d\"";
    case contract::Unit::kWeeks:
      return "#,##" + digits + "\" wk\"";
    case contract::Unit::kCount:
      return "#,##" + digits;
  }
  return digits;
}

std::string money_format(const MonthlyReport& r) {
  const std::string& currency = r.contract().monthly_fee.currency;
  return (currency == "EUR" ? std::string("\"€ \"") : "\"" + currency + " \"") + "#,##0.00";
}

double amount(std::int64_t cents) { return static_cast<double>(cents) / 100; }

void scorecard(Book& book, const MonthlyReport& r) {
  Sheet s(book, "Scorecard", r,
          {"report.col.kpi", "report.col.title", "report.col.requirement", "report.col.window",
           "report.col.status", "report.col.final", "report.col.step"});
  for (const auto& k : r.month().kpis) {
    const auto& kpi = r.versions->kpi(k.contract_version, k.kpi_id);
    s.next_row();
    s.text(k.kpi_id);
    s.text(kpi.title.*(r.words->contract_text));
    s.text(kpi.requirement);
    s.text(time::period_name(k.period, r.contract().start));
    s.text(status_word(k.status, *r.words));
    s.boolean(k.final);
    s.number(static_cast<double>(k.escalation.steps.size()), "0");
  }
}

// An objective's figures from its status on: status, value, norm, norm value, items, failing,
// still open, exempted, why no data.
void objective_figures(Sheet& s, const MonthlyReport& r, const ObjectiveResult& o) {
  s.text(status_word(o.status, *r.words));
  const int decimals = o.value ? shown_decimals(o.unit, *o.value, o.norm) : 2;
  s.optional_number(o.value, value_format(o.unit, decimals));
  s.text(norm_text(o.norm, *r.words));
  const int norm_decimals = o.norm.threshold.scale - (o.unit == contract::Unit::kRatio ? 2 : 0);
  s.number(o.norm.threshold.to_double(), value_format(o.unit, std::max(norm_decimals, 0)));
  s.number(static_cast<double>(o.count), "#,##0");
  s.number(static_cast<double>(o.failing), "#,##0");
  s.number(static_cast<double>(o.pending), "#,##0");
  s.number(static_cast<double>(o.exempted), "#,##0");
  if (o.reason) s.text(engine_text(*o.reason, *r.words));
}

void objectives(Book& book, const MonthlyReport& r) {
  Sheet s(book, "Objectives", r,
          {"report.col.kpi", "report.col.objective", "report.col.status", "report.col.value",
           "report.col.norm", "report.col.norm_value", "report.col.items", "report.col.failing",
           "report.col.pending_items", "report.col.exempted", "report.reason_no_data"});
  for (const auto& k : r.month().kpis) {
    for (const auto& o : k.objectives) {
      s.next_row();
      s.text(k.kpi_id);
      s.text(o.id);
      objective_figures(s, r, o);
    }
  }
}

// The Evidence sheet's columns: the record's four, then each group of the engine's figures that a
// record of the month has (an attainment record's deadline, calendar and hours counted; a failing
// outage's down minutes; a duration's value), so that a workbook has no column no row fills.
struct EvidenceColumns {
  std::vector<const char*> header_keys{"report.col.kpi", "report.col.objective", "report.col.kind",
                                       "report.col.record"};
  std::optional<std::size_t> deadline, downtime, value;  // the first column of each group

  explicit EvidenceColumns(const MonthlyReport& r) {
    bool attainment = false;
    bool downtime_figures = false;
    bool values = false;
    for (const auto& k : r.month().kpis) {
      for (const auto& o : k.objectives) {
        attainment = attainment || !o.record_figures.empty();
        downtime_figures =
            downtime_figures || std::ranges::any_of(o.record_downtime, [](const auto& d) {
              return !d.exempted;  // an exempted outage counted none
            });
        values = values || !o.record_values.empty();
      }
    }
    if (attainment) {
      deadline = header_keys.size();
      header_keys.insert(header_keys.end(), {"report.col.computed_deadline", "report.col.calendar",
                                             "report.col.counted_hours"});
    }
    if (downtime_figures) {
      downtime = header_keys.size();
      header_keys.push_back("report.col.down_minutes");
    }
    if (values) {
      value = header_keys.size();
      header_keys.push_back("report.col.record_value");
    }
  }
};

// The engine's figures behind a failing or exempted record (evaluate/evaluation.h: RecordFigures,
// RecordDowntime, RecordValue), each in its group's columns, with its unit in the number format.
// `i` is the record's place in failing_ids then exempted_ids, which the figures follow.
void record_cells(Sheet& s, const MonthlyReport& r, const EvidenceColumns& columns,
                  const ObjectiveResult& o, std::size_t i, const std::string& id) {
  if (i < o.record_downtime.size() && o.record_downtime[i].id == id) {
    const evaluate::RecordDowntime& d = o.record_downtime[i];
    if (d.exempted) return;  // an exempted outage counted none
    s.to(*columns.downtime);
    s.number(static_cast<double>(d.counted.count()) / 6e7, "#,##0.00\" min\"");
    return;
  }
  if (i < o.record_values.size() && o.record_values[i].id == id) {
    s.to(*columns.value);
    s.number(o.record_values[i].value, value_format(o.unit, 2));
    return;
  }
  if (i >= o.record_figures.size() || o.record_figures[i].id != id) return;
  const evaluate::RecordFigures& f = o.record_figures[i];
  s.to(*columns.deadline);
  s.instant(f.deadline, *r.zone);
  if (!f.counted) return;
  s.text(f.calendar);
  s.number(static_cast<double>(f.counted->count()) / 3.6e9,
           "#,##0.00\" " + r.words->say("unit.hours_short", {}) + "\"");
}

void evidence(Book& book, const MonthlyReport& r) {
  const EvidenceColumns columns(r);
  Sheet s(book, "Evidence", r, columns.header_keys);
  const std::string failing = r.words->say("report.failing_ids", {});
  const std::string exempted = r.words->say("report.exempted_ids", {});
  for (const auto& k : r.month().kpis) {
    for (const auto& o : k.objectives) {
      std::size_t index = 0;  // into the figures: failing_ids, then exempted_ids
      for (const auto* ids : {&o.failing_ids, &o.exempted_ids}) {
        for (const auto& id : *ids) {
          s.next_row();
          s.text(k.kpi_id);
          s.text(o.id);
          s.text(ids == &o.failing_ids ? failing : exempted);
          s.text(id);
          record_cells(s, r, columns, o, index++, id);
        }
      }
    }
  }
}

// An action's first cells in a new row: id, KPI, period, step, owner, created and deadline. Returns
// its ladder step.
const contract::LadderStep& action_cells(Sheet& s, const MonthlyReport& r,
                                         const evaluate::Action& a) {
  const auto& step = r.versions->step(a.contract_version, a.kpi_id, a.action);
  s.next_row();
  s.text(a.id);
  s.text(a.kpi_id);
  s.text(a.period_name);
  s.text(step.label.*(r.words->contract_text));
  s.text(r.words->say("owner." + std::string(contract::owner_name(step.owner)), {}));
  s.instant(a.created_at, *r.zone);
  if (a.deadline) {
    s.instant(*a.deadline, *r.zone);
  } else {
    s.skip();
  }
  return step;
}

void actions(Book& book, const MonthlyReport& r) {
  Sheet s(book, "Actions", r,
          {"report.col.id", "report.col.kpi", "report.period", "report.col.step",
           "report.col.owner", "report.col.created", "report.col.deadline",
           "report.col.action_status", "report.col.malus_pct", "report.col.because"});
  for (const auto& a : r.history->actions) {
    const contract::LadderStep& step = action_cells(s, r, a);
    s.text(r.words->say("action." + a.status, {}));
    s.number(step.malus_pct ? step.malus_pct->to_double() / 100 : 0.0, "0.0#%");
    s.text(reason_text(a.because, *r.words));
  }
}

void money(Book& book, const MonthlyReport& r) {
  const std::string euros = money_format(r);
  Sheet s(book, "Money", r,
          {"report.period", "report.col.contract_year", "report.col.final",
           "report.col.malus_uncapped", "report.row.malus", "report.row.bonus", "report.row.net",
           "report.capped", "report.col.explanation"});
  for (const auto& m : r.history->months) {
    const auto& f = m.finance;
    s.next_row();
    s.month(m.month.first_day);
    s.number(f.contract_year, "0");
    s.boolean(f.final);
    s.number(amount(f.malus_uncapped_cents), euros);
    s.number(amount(f.malus_cents), euros);
    s.number(amount(f.bonus_cents), euros);
    s.number(amount(f.net_cents), euros);
    s.boolean(f.capped_month || f.capped_year);
    std::string explanation;
    for (const auto& line : money_lines_text(f.explanation, r.contract().monthly_fee, *r.words)) {
      explanation += (explanation.empty() ? "" : "\n") + line;
    }
    s.text(explanation);
  }
}

// The data-quality parts (data_quality.h), a row per item: the part, the file or objective, rows
// left out or the coverage as numbers, and the note in the reader's words.
void data_quality_sheet(Book& book, const MonthlyReport& r) {
  const Catalogue& w = *r.words;
  Sheet s(book, "Data quality", r,
          {"report.dq.col.part", "report.dq.col.subject", "report.dq.col.rows",
           "report.dq.col.coverage", "report.dq.col.note"});
  const DataQuality q = data_quality(r);
  for (const evidence::SkippedRows& rows : q.rows_left_out) {
    s.next_row();
    s.text(w.say("report.dq.rows", {}));
    s.text(rows.file);
    s.number(static_cast<double>(rows.rows), "#,##0");
    s.skip();
    s.text(rejected_kinds_text(rows, w));
  }
  for (const ProbeCoverage& c : q.coverage) {
    s.next_row();
    s.text(w.say("report.dq.coverage", {}));
    s.text(c.kpi->kpi_id + " " + c.objective->id);
    s.skip();
    s.number(c.coverage, "0.00%");
  }
  for (const auto& [key, sentences] :
       {std::pair{"report.dq.dst", &q.dst}, std::pair{"report.dq.files", &q.files},
        std::pair{"report.dq.other", &q.other}}) {
    for (const std::string& sentence : *sentences) {
      s.next_row();
      s.text(w.say(key, {}));
      s.skip();
      s.skip();
      s.skip();
      s.text(engine_text(sentence, w));
    }
  }
}

// The KPIs measured per week (KPI-10's p95 in office and in peak hours) over each ISO week of the
// month (History::weeks), a row per objective and week with the figures `evaluate --period` of
// the week gives; "to date" marks the week the as-of moment falls in.
void weeks(Book& book, const MonthlyReport& r) {
  Sheet s(book, "Weeks", r,
          {"report.col.week", "report.col.first_day", "report.col.last_day", "report.col.to_date",
           "report.col.kpi", "report.col.objective", "report.col.status", "report.col.value",
           "report.col.norm", "report.col.norm_value", "report.col.items", "report.col.failing",
           "report.col.pending_items", "report.col.exempted", "report.reason_no_data"});
  for (const evaluate::HistoryWeek& week : r.history->weeks) {
    for (const evaluate::KpiResult& k : week.kpis) {
      for (const auto& o : k.objectives) {
        s.next_row();
        s.text(week.name);
        s.date(week.week.first_day);
        s.date(week.week.end_day - std::chrono::days{1});
        s.boolean(to_date(r, k));
        s.text(k.kpi_id);
        s.text(o.id);
        objective_figures(s, r, o);
      }
    }
  }
}

// A period's state from its second cell: agreed or provisional in words, then for an agreed one
// the day it was closed (a date), by whom and the as-of moment of the agreed figures.
void state_cells(Sheet& s, const MonthlyReport& r, const Agreement* agreed) {
  s.text(r.words->say(agreed != nullptr ? "report.state.agreed" : "report.state.provisional", {}));
  if (agreed == nullptr) return;
  s.date(agreed->date);
  s.text(agreed->actor);
  s.instant(agreed->as_of, *r.zone);
}

// A row per month of the quarter with its state, as the review's header gives it, then the
// quarter's when it was closed as a whole.
void quarter_states(Book& book, const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  Sheet s(book, "State", r,
          {"report.period", "report.state", "report.col.agreed_on", "report.col.agreed_by",
           "report.col.figures_as_of"});
  for (const auto& m : r.history->months) {
    s.next_row();
    s.text(m.name);
    const auto agreed = q.agreed.find(m.name);
    state_cells(s, r, agreed == q.agreed.end() ? nullptr : &agreed->second);
  }
  if (q.quarter_agreed) {
    s.next_row();
    s.text(q.quarter_name);
    state_cells(s, r, &*q.quarter_agreed);
  }
}

// The quarter's results: a row per objective and period, each period once (a quarterly KPI in
// the quarter's last month, as the review shows it: monthly_report.h's trend).
void quarter_results(Book& book, const MonthlyReport& r) {
  Sheet s(book, "Results", r,
          {"report.col.kpi", "report.col.objective", "report.period", "report.col.window",
           "report.col.status", "report.col.value", "report.col.norm", "report.col.norm_value",
           "report.col.items", "report.col.failing", "report.col.pending_items",
           "report.col.exempted", "report.reason_no_data"});
  for (const auto& month : r.history->months) {
    for (const auto& k : month.kpis) {
      for (const auto& o : k.objectives) {
        bool shown = false;
        for (const TrendPoint& p : trend(r, k.kpi_id, o.id)) {
          if (p.objective == &o) shown = p.shown;
        }
        if (!shown) continue;
        s.next_row();
        s.text(k.kpi_id);
        s.text(o.id);
        s.month(month.month.first_day);
        s.text(time::period_name(k.period, r.contract().start));
        objective_figures(s, r, o);
      }
    }
  }
}

// The action register as PDCA: every action fired for a period that ended by the quarter's end;
// Do: the day it was done (from the workspace's register); Check: its KPI's status at the end of
// the quarter.
void quarter_actions(Book& book, const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  Sheet s(
      book, "Actions", r,
      {"report.col.id", "report.col.kpi", "report.period", "report.col.step", "report.col.owner",
       "report.col.created", "report.col.deadline", "report.col.action_status", "quarter.col.do",
       "quarter.col.check", "report.col.malus_pct", "report.col.because"});
  const auto quarter_end = r.history->months.back().month.end_day;
  for (const auto& a : r.history->actions) {
    if (a.period.end_day > quarter_end) continue;
    const contract::LadderStep& step = action_cells(s, r, a);
    const auto done = q.done_on.find(a.id);
    const auto done_day =
        done == q.done_on.end() ? std::nullopt : time::parse_date(done->second, nullptr);
    s.text(done_day ? r.words->say("actions.status.done", {})
                    : r.words->say("action." + a.status, {}));
    if (done_day) {
      s.date(*done_day);
    } else {
      s.skip();
    }
    const HistoryKpi* now = nullptr;
    for (const auto& k : r.month().kpis) {
      if (k.kpi_id == a.kpi_id) now = &k;
    }
    if (now != nullptr) {
      s.text(status_word(now->status, *r.words));
    } else {
      s.skip();
    }
    s.number(step.malus_pct ? step.malus_pct->to_double() / 100 : 0.0, "0.0#%");
    s.text(reason_text(a.because, *r.words));
  }
}

// `write` the sheets into a workbook; its bytes.
template <class Write>
std::string workbook_bytes(Write write) {
  std::string pattern = (fs::temp_directory_path() / "meetlat-xlsx-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("XLSX: cannot make a temporary folder under " +
                             fs::temp_directory_path().string());
  }
  const fs::path folder = pattern;
  const fs::path file = folder / "report.xlsx";
  struct Cleanup {
    fs::path folder;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(folder, ignored);
    }
  } cleanup{folder};
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(pattern.c_str());  // libxlsxwriter's API is not const
  // Closed on every path: a failure leaves a file in the temporary folder, which goes with it.
  auto close = [](lxw_workbook* b) { workbook_close(b); };
  std::unique_ptr<lxw_workbook, decltype(close)> workbook(workbook_new_opt(file.c_str(), &options),
                                                          close);
  if (workbook == nullptr) throw std::runtime_error("XLSX: cannot start " + file.string());
  {
    Book book(workbook.get());
    write(book);
  }
  check(workbook_close(workbook.release()), "closing the workbook");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("XLSX: cannot read back " + file.string());
  return bytes.str();
}

}  // namespace

std::string quarterly_xlsx(const QuarterlyReview& q) {
  return workbook_bytes([&q](Book& book) {
    quarter_states(book, q);
    quarter_results(book, *q.report);
    quarter_actions(book, q);
    money(book, *q.report);
  });
}

std::string monthly_xlsx(const MonthlyReport& r) {
  return workbook_bytes([&r](Book& book) {
    scorecard(book, r);
    objectives(book, r);
    weeks(book, r);
    evidence(book, r);
    actions(book, r);
    money(book, r);
    data_quality_sheet(book, r);
  });
}

}  // namespace meetlat::report
