// Reading the `measure:` map of an objective: one function per kind.
#include <array>
#include <functional>
#include <variant>

#include "contract/loader_internal.h"
#include "contract/measure_columns.h"
#include "contract/value_parsers.h"
#include "text/did_you_mean.h"
#include "time/parse.h"

namespace meetlat::contract::detail {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string suggestion(std::string_view word, std::span<const std::string_view> candidates) {
  const std::optional<std::string> guess = ::meetlat::text::did_you_mean(word, candidates);
  return guess ? "; did you mean " + quoted(*guess) + "?" : "";
}

constexpr std::array<std::string_view, 10> kKinds{
    "attainment", "availability", "quantile",  "ratio_of_sums", "share",
    "extreme",    "count",        "milestone", "trajectory",    "coverage"};

// The evidence kind named by `key` (or `fallback` when the key is absent and a fallback exists).
const EvidenceKind* read_evidence(const MapReader& m, std::string_view key,
                                  std::string_view fallback) {
  std::optional<std::string> name = fallback.empty() ? m.string(key, true) : m.string(key, false);
  if (!name) {
    if (fallback.empty()) return nullptr;
    name = std::string(fallback);
  }
  if (const EvidenceKind* kind = find_evidence_kind(*name)) return kind;
  std::vector<std::string_view> names;
  for (const EvidenceKind& k : evidence_kinds()) names.push_back(k.name);
  m.reader().error(*m.find(key),
                   "unknown evidence kind " + quoted(*name) + suggestion(*name, names));
  return nullptr;
}

// A column of `kind` named by `key`; `fallback` when absent (empty: required). `holds` is what
// the measure's evaluator reads from it (measure_columns.h); check_columns checks the fallback.
std::optional<std::string> read_column(const MapReader& m, std::string_view key,
                                       const EvidenceKind& kind, const Holds& holds,
                                       std::string_view fallback = {}) {
  const std::optional<YAML::Node> node = fallback.empty() ? m.require(key) : m.find(key);
  if (!node) return fallback.empty() ? std::nullopt : std::optional<std::string>(fallback);
  std::optional<std::string> name = m.reader().string(*node, m.what() + ": " + std::string(key));
  if (!name) return std::nullopt;
  const EvidenceColumn* column = kind.find_column(*name);
  if (column == nullptr) {
    std::vector<std::string_view> names;
    for (const EvidenceColumn& c : kind.columns) names.push_back(c.name);
    m.reader().error(*node, std::string(kind.name) + " has no column " + quoted(*name) +
                                suggestion(*name, names));
    return std::nullopt;
  }
  if (!holds.accepts(column->type)) {
    m.reader().error(*node, "column " + quoted(*name) + " of " + std::string(kind.name) +
                                " holds a " + std::string(column_type_name(column->type)) + "; " +
                                std::string(key) + " needs " + std::string(holds.what));
    return std::nullopt;
  }
  return name;
}

std::optional<std::string> read_calendar(LoadContext& ctx, const MapReader& m, std::string_view key,
                                         std::string_view fallback) {
  std::optional<std::string> name = fallback.empty() ? m.string(key, true) : m.string(key, false);
  const std::optional<YAML::Node> given = m.find(key);
  if (!name) {
    if (fallback.empty() || given) return std::nullopt;
    name = std::string(fallback);
  }
  if (ctx.contract.find_calendar(*name) != nullptr) return name;
  std::vector<std::string_view> names;
  for (const auto& [n, def] : ctx.contract.calendars) names.push_back(n);
  if (given) {
    ctx.reader.error(*given, "unknown calendar " + quoted(*name) + suggestion(*name, names));
  } else {
    // The default calendar of `key` is not defined: say so where the measure is.
    std::string defined;
    for (const std::string_view n : names)
      defined += (defined.empty() ? "" : ", ") + std::string(n);
    ctx.reader.error(m.node(), m.what() + ": without " + std::string(key) + ", the calendar " +
                                   quoted(*name) + " applies, but the contract has no calendar " +
                                   quoted(*name) + " (it has " + defined + "); add " +
                                   std::string(key) + ": NAME or define " + quoted(*name));
  }
  return std::nullopt;
}

std::optional<Condition> read_condition(LoadContext& ctx, const YAML::Node& key,
                                        const YAML::Node& value, const EvidenceKind& kind) {
  Condition c;
  c.column = key.Scalar();
  const EvidenceColumn* column = kind.find_column(c.column);
  if (column == nullptr) {
    std::vector<std::string_view> names;
    for (const EvidenceColumn& col : kind.columns) names.push_back(col.name);
    ctx.reader.error(key, std::string(kind.name) + " has no column " + quoted(c.column) +
                              suggestion(c.column, names));
    return std::nullopt;
  }
  if (is_number_column(column->type)) {
    const std::optional<std::string> text = ctx.reader.string(value, "where: " + c.column);
    if (!text) return std::nullopt;
    Parsed<Norm> cmp = parse_norm(*text, Unit::kCount);
    if (!cmp.value) {
      ctx.reader.error(value,
                       "where: " + c.column + " needs a comparison like \">= 5\"; " + cmp.error);
      return std::nullopt;
    }
    c.op = cmp.value->op;
    c.value = cmp.value->threshold;
    return c;
  }
  std::optional<std::vector<std::string>> values = ctx.reader.strings(value, "where: " + c.column);
  if (!values) return std::nullopt;
  std::vector<std::string_view> allowed;
  std::string_view allowed_what;
  if (column->type == ColumnType::kPriority) {
    for (const Priority& p : ctx.contract.priorities) allowed.push_back(p.id);
    allowed_what = "priority";
  } else if (column->type == ColumnType::kSeverity) {
    for (const std::string& s : ctx.contract.severities) allowed.push_back(s);
    allowed_what = "severity";
  }
  bool ok = true;
  for (const std::string& v : *values) {
    if (allowed_what.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end()) {
      continue;
    }
    ctx.reader.error(
        value, "unknown " + std::string(allowed_what) + " " + quoted(v) + suggestion(v, allowed));
    ok = false;
  }
  if (!ok) return std::nullopt;
  c.one_of = std::move(*values);
  return c;
}

std::optional<Filter> read_filter(LoadContext& ctx, const MapReader& m, const EvidenceKind& kind) {
  const std::optional<YAML::Node> node = m.find("where");
  if (!node) return Filter{};
  if (!node->IsMap()) {
    ctx.reader.error(*node, m.what() + ": where must be a map of column: values");
    return std::nullopt;
  }
  Filter filter;
  bool ok = true;
  for (const auto& kv : *node) {
    std::optional<Condition> c = read_condition(ctx, kv.first, kv.second, kind);
    if (c) {
      filter.push_back(std::move(*c));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return filter;
}

// `within: 15m` (on: calendar, default 24x7), `within: 10 working days` (on: default
// working_days) or `deadline: column`.
std::optional<Deadline> read_deadline(LoadContext& ctx, const MapReader& m,
                                      const EvidenceKind& kind) {
  const std::optional<YAML::Node> within = m.find("within");
  const std::optional<YAML::Node> column = m.find("deadline");
  if (within.has_value() == column.has_value()) {
    ctx.reader.error(m.node(), m.what() +
                                   ": give either within (a duration) or deadline (a "
                                   "column), not " +
                                   (within ? "both" : "neither"));
    return std::nullopt;
  }
  if (column) {
    if (m.has("on")) ctx.reader.error(*m.find("on"), m.what() + ": on goes with within");
    std::optional<std::string> c = read_column(m, "deadline", kind, kTimeColumn);
    if (!c) return std::nullopt;
    return DeadlineColumn{*c};
  }
  const std::optional<std::string> text = ctx.reader.string(*within, m.what() + ": within");
  if (!text) return std::nullopt;
  if (const std::optional<std::string> refused = refused_fraction(*text)) {
    ctx.reader.error(*within, m.what() + ": within: " + *refused);
    return std::nullopt;
  }
  if (const std::optional<int> days = parse_working_days(*text)) {
    std::optional<std::string> cal = read_calendar(ctx, m, "on", "working_days");
    if (!cal) return std::nullopt;
    return WithinOpenDays{*days, *cal};
  }
  time::ParseError pe;
  const std::optional<time::Micros> d = time::parse_duration(*text, &pe);
  if (!d || d->count() <= 0) {
    ctx.reader.error(*within, m.what() +
                                  ": within must be a positive duration like 15m, 8h, 14d "
                                  "or \"10 working days\", not " +
                                  quoted(*text));
    return std::nullopt;
  }
  std::optional<std::string> cal = read_calendar(ctx, m, "on", "24x7");
  if (!cal) return std::nullopt;
  return WithinOnCalendar{*d, *cal};
}

// `pauses: true` stops the clock of a ticket while pauses.csv says it waits (evaluate/pauses.h).
// Pauses name a ticket_id and count open time on a calendar, so only a tickets objective with
// `within` a duration can have them; anywhere else the key is an error at its place. nullopt on
// an error; false when the key is absent.
std::optional<bool> read_pauses(LoadContext& ctx, const MapReader& m, const EvidenceKind& kind,
                                const Deadline& deadline) {
  const std::optional<YAML::Node> node = m.find("pauses");
  if (!node) return false;
  const std::optional<bool> on = m.boolean("pauses");
  if (!on) return std::nullopt;
  if (!*on) return false;
  if (kind.name != "tickets") {
    ctx.reader.error(*node, m.what() + ": pauses: only tickets can be paused (pauses.csv names a " +
                                "ticket_id), not " + std::string(kind.name));
    return std::nullopt;
  }
  if (std::holds_alternative<DeadlineColumn>(deadline)) {
    ctx.reader.error(*node, m.what() +
                                ": pauses: a deadline column is a fixed instant that no pause "
                                "moves; pauses go with within (a duration on a calendar)");
    return std::nullopt;
  }
  if (std::holds_alternative<WithinOpenDays>(deadline)) {
    ctx.reader.error(*node, m.what() +
                                ": pauses: a deadline in working days is the end of a day, which "
                                "paused hours do not move; give within as a duration on a "
                                "calendar (within: 16h, on: office_hours)");
    return std::nullopt;
  }
  return true;
}

std::optional<Measure> read_attainment(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "");
  if (kind == nullptr) return std::nullopt;
  AttainmentMeasure a;
  a.evidence = kind->name;
  std::optional<Filter> where = read_filter(ctx, m, *kind);
  std::optional<std::string> from = read_column(m, "from", *kind, kTimeColumn);
  std::optional<std::string> to = read_column(m, "to", *kind, kTimeColumn);
  std::optional<Deadline> deadline = read_deadline(ctx, m, *kind);
  std::optional<std::string> count_in = m.string("count_in", false);
  if (count_in && *count_in != "deadline" && *count_in != "from") {
    ctx.reader.error(*m.find("count_in"),
                     m.what() + ": count_in must be deadline or from, not " + quoted(*count_in));
    return std::nullopt;
  }
  if (!where || !from || !to || !deadline) return std::nullopt;
  const std::optional<bool> pauses = read_pauses(ctx, m, *kind, *deadline);
  if (!pauses) return std::nullopt;
  a.pauses = *pauses;
  a.where = std::move(*where);
  a.from_column = *from;
  a.to_column = *to;
  a.deadline = std::move(*deadline);
  a.count_in = count_in == "from" ? CountIn::kFrom : CountIn::kDeadline;
  return a;
}

std::optional<Measure> read_availability(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* outages = read_evidence(m, "evidence", "outages");
  AvailabilityMeasure a;
  if (outages != nullptr) a.outages = outages->name;
  std::optional<std::string> fallback = m.string("fallback", false);
  if (fallback && *fallback == "none") {
    a.probes.reset();
  } else if (fallback && find_evidence_kind(*fallback) == nullptr) {
    ctx.reader.error(*m.find("fallback"), "unknown evidence kind " + quoted(*fallback));
    return std::nullopt;
  } else if (fallback) {
    a.probes.emplace(*fallback);
  }
  if (std::optional<std::vector<std::string>> s = m.strings("services", false)) {
    a.services = std::move(*s);
  }
  if (outages == nullptr) return std::nullopt;
  return a;
}

// A list of names, or the name of the parameter that holds them.
bool read_names(LoadContext& ctx, const MapReader& m, std::string_view key,
                std::string_view parameter, std::vector<std::string>& names, bool& from_params) {
  const std::optional<YAML::Node> node = m.find(key);
  if (!node) return true;
  if (node->IsScalar()) {
    if (node->Scalar() == parameter) return true;
    ctx.reader.error(*node, m.what() + ": " + std::string(key) + " is a list or " +
                                quoted(parameter) + " (the parameter), not " +
                                quoted(node->Scalar()));
    return false;
  }
  std::optional<std::vector<std::string>> list = ctx.reader.strings(*node, std::string(key));
  if (!list) return false;
  names = std::move(*list);
  from_params = false;
  return true;
}

std::optional<Decimal> read_percent_as_ratio(LoadContext& ctx, const MapReader& m,
                                             std::string_view key, Decimal fallback) {
  const std::optional<std::string> text = m.string(key, false);
  if (!text) return m.has(key) ? std::nullopt : std::optional<Decimal>(fallback);
  Parsed<Decimal> pct = parse_percent(*text);
  if (!pct.value) {
    ctx.reader.error(*m.find(key), m.what() + ": " + std::string(key) + ": " + pct.error);
    return std::nullopt;
  }
  Decimal ratio = *pct.value;
  ratio.scale += 2;
  return ratio;
}

std::optional<Measure> read_quantile(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "transactions");
  if (kind == nullptr) return std::nullopt;
  QuantileMeasure q;
  q.evidence = kind->name;
  std::optional<std::string> value = read_column(m, "value", *kind, kNumberColumn, "duration_ms");
  std::optional<std::string> at = read_column(m, "time", *kind, kTimestampColumn, "at");
  std::optional<std::string> name = read_column(m, "name", *kind, kTextColumn, "name");
  std::optional<Decimal> level = read_percent_as_ratio(ctx, m, "q", Decimal{95, 2});
  std::optional<std::string> in = read_calendar(ctx, m, "in", "");
  std::optional<std::string> outside;
  if (m.has("outside")) {
    outside = read_calendar(ctx, m, "outside", "");
    if (!outside) return std::nullopt;
  }
  const bool names_ok =
      read_names(ctx, m, "names", "core_transactions", q.names, q.names_from_parameters);
  if (!value || !at || !name || !level || !in || !names_ok) return std::nullopt;
  if (level->units == 0) {
    ctx.reader.error(*m.find("q"), m.what() + ": q must be above 0%");
    return std::nullopt;
  }
  q.value_column = *value;
  q.time_column = *at;
  q.name_column = *name;
  q.q = *level;
  q.in_calendar = *in;
  q.outside_calendar = outside;
  // latency_histograms.csv holds transaction durations: it stands in for transactions.csv only.
  if (q.evidence != "transactions") q.histograms.reset();
  return q;
}

std::optional<Measure> read_ratio_of_sums(LoadContext&, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "");
  if (kind == nullptr) return std::nullopt;
  std::optional<std::string> num = read_column(m, "numerator", *kind, kNumberColumn);
  std::optional<std::string> den = read_column(m, "denominator", *kind, kNumberColumn);
  std::optional<std::string> date = read_column(m, "date", *kind, kPeriodColumn);
  if (!num || !den || !date) return std::nullopt;
  return RatioOfSumsMeasure{std::string(kind->name), *num, *den, *date};
}

std::optional<Measure> read_share(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "");
  if (kind == nullptr) return std::nullopt;
  ShareMeasure s;
  s.evidence = kind->name;
  std::optional<std::string> date = read_column(m, "date", *kind, kTimeColumn);
  if (m.has("is_true") == m.has("all_present")) {
    ctx.reader.error(m.node(), m.what() +
                                   ": give either is_true (a boolean column) or "
                                   "all_present (a list of columns)");
    return std::nullopt;
  }
  bool ok = date.has_value();
  if (m.has("is_true")) {
    std::optional<std::string> c = read_column(m, "is_true", *kind, kBooleanColumn);
    ok = ok && c.has_value();
    s.true_column = c;
  }
  const auto read_list = [&](std::string_view key, std::vector<std::string>& out) {
    std::optional<std::vector<std::string>> cols = m.strings(key, false);
    if (!cols) return !m.has(key);
    for (const std::string& c : *cols) {
      if (kind->find_column(c) == nullptr) {
        ctx.reader.error(*m.find(key), std::string(kind->name) + " has no column " + quoted(c));
        return false;
      }
    }
    out = std::move(*cols);
    return true;
  };
  ok = read_list("all_present", s.present_columns) && ok;
  ok = read_list("latest_per", s.latest_per) && ok;
  if (!ok) return std::nullopt;
  s.date_column = *date;
  return s;
}

std::optional<WhenEmpty> read_when_empty(LoadContext& ctx, const MapReader& m) {
  const std::optional<std::string> text = m.string("if_empty", false);
  if (!text || *text == "no_data")
    return m.has("if_empty") && !text ? std::nullopt : std::optional(WhenEmpty::kNoData);
  if (*text == "breached") return WhenEmpty::kBreached;
  ctx.reader.error(*m.find("if_empty"), m.what() + ": if_empty must be no_data or breached");
  return std::nullopt;
}

std::optional<Measure> read_extreme(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "");
  if (kind == nullptr) return std::nullopt;
  ExtremeMeasure e;
  e.evidence = kind->name;
  std::optional<std::string> date = read_column(m, "date", *kind, kTimeColumn);
  const int given = m.has("min") + m.has("max") + m.has("min_days") + m.has("max_days");
  if (given != 1) {
    ctx.reader.error(m.node(), m.what() +
                                   ": give exactly one of min, max (a column) or min_days, "
                                   "max_days (from and to columns)");
    return std::nullopt;
  }
  e.which =
      m.has("min") || m.has("min_days") ? ExtremeMeasure::Which::kMin : ExtremeMeasure::Which::kMax;
  bool ok = date.has_value();
  for (std::string_view key : {"min", "max"}) {
    if (!m.has(key)) continue;
    std::optional<std::string> c = read_column(m, key, *kind, kNumberColumn);
    ok = ok && c;
    if (c) e.value_column = *c;
  }
  for (std::string_view key : {"min_days", "max_days"}) {
    if (!m.has(key)) continue;
    const YAML::Node node = *m.find(key);
    std::optional<std::vector<std::string>> cols = ctx.reader.strings(node, key);
    if (!cols || cols->size() != 2) {
      ctx.reader.error(node,
                       m.what() + ": " + std::string(key) + " needs [from column, to column]");
      return std::nullopt;
    }
    for (const std::string& c : *cols) {
      const EvidenceColumn* col = kind->find_column(c);
      if (col == nullptr || !is_time_column(col->type)) {
        ctx.reader.error(node, std::string(kind->name) + " has no time column " + quoted(c));
        ok = false;
      }
    }
    e.from_column = (*cols)[0];
    e.to_column = (*cols)[1];
  }
  std::optional<WhenEmpty> empty = read_when_empty(ctx, m);
  if (!ok || !empty) return std::nullopt;
  e.date_column = *date;
  e.when_empty = *empty;
  return e;
}

std::optional<Measure> read_count(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "");
  if (kind == nullptr) return std::nullopt;
  std::optional<std::string> date = read_column(m, "date", *kind, kTimeColumn);
  std::optional<Filter> where = read_filter(ctx, m, *kind);
  if (!date || !where) return std::nullopt;
  return CountMeasure{std::string(kind->name), *date, std::move(*where)};
}

std::optional<Measure> read_milestone(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "milestones");
  std::optional<std::string> id = m.string("milestone", true);
  std::optional<std::string> unit = m.string("unit", true);
  if (unit && *unit != "weeks" && *unit != "days") {
    ctx.reader.error(*m.find("unit"), m.what() + ": unit must be weeks or days");
    return std::nullopt;
  }
  if (kind == nullptr || !id || !unit) return std::nullopt;
  return MilestoneMeasure{std::string(kind->name), *id,
                          *unit == "weeks" ? Unit::kWeeks : Unit::kDays};
}

std::optional<Measure> read_trajectory(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "emissions");
  if (kind == nullptr) return std::nullopt;
  TrajectoryMeasure t;
  t.evidence = kind->name;
  const EvidenceColumn* end = kind->find_column(t.end_column);
  if (end == nullptr || end->type != ColumnType::kDate) t.end_column.clear();
  std::optional<std::string> value = read_column(m, "value", *kind, kNumberColumn, "tco2e");
  std::optional<std::string> date = read_column(m, "date", *kind, kTimeColumn, "period_start");
  std::optional<Decimal> reduction = read_percent_as_ratio(ctx, m, "reduction", Decimal{25, 2});
  std::optional<int> months = m.integer("over_months", false, 1, 1200);
  if (m.has("over_months") && !months) return std::nullopt;
  std::optional<std::string> baseline = m.string("baseline", false);
  if (baseline && *baseline != "co2_baseline") {
    Parsed<Decimal> b = parse_decimal(*baseline);
    if (!b.value) {
      ctx.reader.error(*m.find("baseline"), m.what() +
                                                ": baseline is co2_baseline (the "
                                                "parameter) or tCO2e per quarter; " +
                                                b.error);
      return std::nullopt;
    }
    t.baseline_per_quarter = *b.value;
  } else if (!ctx.contract.parameters.co2_baseline_tco2e_per_quarter) {
    ctx.reader.error(m.node(), m.what() +
                                   ": no baseline: set parameters: co2_baseline or the "
                                   "measure's baseline");
    return std::nullopt;
  }
  if (!value || !date || !reduction) return std::nullopt;
  t.value_column = *value;
  t.date_column = *date;
  t.reduction = *reduction;
  if (months) t.over_months = *months;
  return t;
}

std::optional<Measure> read_coverage(LoadContext& ctx, const MapReader& m) {
  const EvidenceKind* kind = read_evidence(m, "evidence", "dq_checks");
  if (kind == nullptr) return std::nullopt;
  CoverageMeasure c;
  c.evidence = kind->name;
  std::optional<std::string> column = read_column(m, "column", *kind, kTextColumn, "field");
  std::optional<std::string> date = read_column(m, "date", *kind, kTimeColumn, "checked_on");
  const bool items_ok =
      read_names(ctx, m, "items", "critical_fields", c.items, c.items_from_parameters);
  if (!column || !date || !items_ok) return std::nullopt;
  c.column = *column;
  c.date_column = *date;
  return c;
}

// Checks every column the measure's evaluator reads (measure_columns.h) against the catalog. The
// columns the contract names were checked as they were read; this finds a default of an absent
// key and a column the kind reads by itself that the named evidence kind lacks or holds in
// another type (availability on tickets: no column 'start'), which the evaluator could not read.
void check_columns(LoadContext& ctx, const MapReader& m, std::string_view measure_kind,
                   const Measure& measure) {
  for (const MeasureColumn& c : evidence_columns(measure)) {
    const EvidenceKind* kind = find_evidence_kind(c.evidence);
    if (kind == nullptr) continue;  // reported where the kind was read
    const EvidenceColumn* column = kind->find_column(c.column);
    if (column != nullptr && c.holds.accepts(column->type)) continue;
    const std::optional<YAML::Node> given = c.key.empty() ? std::nullopt : m.find(c.key);
    const std::string name = quoted(c.column);
    const std::string kind_name(kind->name);
    const std::string role = c.key.empty() ? std::string(measure_kind) : std::string(c.key);
    std::string message;
    if (given) {
      message = column == nullptr ? kind_name + " has no column " + name
                                  : "column " + name + " of " + kind_name + " holds a " +
                                        std::string(column_type_name(column->type)) + "; " + role +
                                        " needs " + std::string(c.holds.what);
    } else {
      const std::string reads = c.key.empty()
                                    ? std::string(measure_kind) + " reads the column " + name
                                    : "without " + role + ", the column " + name + " applies";
      message = m.what() + ": " + reads + ", but " + kind_name +
                (column == nullptr ? " has no column " + name
                                   : " holds a " + std::string(column_type_name(column->type)) +
                                         " there; " + role + " needs " + std::string(c.holds.what));
    }
    ctx.reader.error(given ? *given : m.node(), message);
  }
}

struct KindReader {
  std::string_view kind;
  std::initializer_list<std::string_view> keys;
  std::optional<Measure> (*read)(LoadContext&, const MapReader&);
};

const std::array<KindReader, 10>& kind_readers() {
  static const std::array<KindReader, 10> kReaders{{
      {"attainment",
       {"kind", "evidence", "where", "from", "to", "within", "on", "deadline", "count_in",
        "pauses"},
       read_attainment},
      {"availability", {"kind", "evidence", "fallback", "services"}, read_availability},
      {"quantile",
       {"kind", "evidence", "value", "time", "name", "q", "in", "outside", "names"},
       read_quantile},
      {"ratio_of_sums",
       {"kind", "evidence", "numerator", "denominator", "date"},
       read_ratio_of_sums},
      {"share", {"kind", "evidence", "date", "is_true", "all_present", "latest_per"}, read_share},
      {"extreme",
       {"kind", "evidence", "date", "min", "max", "min_days", "max_days", "if_empty"},
       read_extreme},
      {"count", {"kind", "evidence", "date", "where"}, read_count},
      {"milestone", {"kind", "evidence", "milestone", "unit"}, read_milestone},
      {"trajectory",
       {"kind", "evidence", "value", "date", "baseline", "reduction", "over_months"},
       read_trajectory},
      {"coverage", {"kind", "evidence", "column", "date", "items"}, read_coverage},
  }};
  return kReaders;
}

}  // namespace

std::optional<Measure> read_measure(LoadContext& ctx, const YAML::Node& node,
                                    const std::string& what) {
  const std::string label = what + ": measure";
  if (!node.IsMap()) {
    ctx.reader.error(node, label + " must be a map with a kind");
    return std::nullopt;
  }
  std::optional<YAML::Node> kind_node;
  for (const auto& kv : node) {
    if (kv.first.IsScalar() && kv.first.Scalar() == "kind") kind_node.emplace(kv.second);
  }
  if (!kind_node) {
    ctx.reader.error(node, label + ": missing key 'kind'");
    return std::nullopt;
  }
  const std::optional<std::string> kind = ctx.reader.string(*kind_node, label + ": kind");
  if (!kind) return std::nullopt;
  for (const KindReader& r : kind_readers()) {
    if (r.kind != *kind) continue;
    const std::size_t errors_before = ctx.reader.error_count();
    MapReader m(ctx.reader, node, label, r.keys);
    std::optional<Measure> measure = r.read(ctx, m);
    if (measure && ctx.reader.error_count() == errors_before)
      check_columns(ctx, m, r.kind, *measure);
    if (ctx.reader.error_count() != errors_before) return std::nullopt;
    return measure;
  }
  ctx.reader.error(*kind_node,
                   label + ": unknown kind " + quoted(*kind) + suggestion(*kind, kKinds));
  return std::nullopt;
}

}  // namespace meetlat::contract::detail
