// Reading the `kpis:` list: KPI blocks, their objectives and escalation ladders.
#include <map>
#include <set>

#include "contract/loader_internal.h"
#include "contract/value_parsers.h"

namespace meetlat::contract::detail {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::optional<MinimumVolume> read_minimum_volume(LoadContext& ctx, const YAML::Node& node,
                                                 const std::string& what) {
  MapReader m(ctx.reader, node, what + ": minimum_volume", {"min_count", "max_failing"});
  std::optional<int> min_count = m.integer("min_count", true, 1, 1'000'000);
  std::optional<int> max_failing = m.integer("max_failing", false, 0, 1'000'000);
  if (!min_count || (m.has("max_failing") && !max_failing)) return std::nullopt;
  return MinimumVolume{*min_count, max_failing};
}

// The norm, checked against the unit of the measure; ">= trajectory" for trajectories.
bool read_norm(LoadContext& ctx, const MapReader& m, Objective& o) {
  const std::optional<std::string> text = m.string("norm", true);
  if (!text) return false;
  const YAML::Node node = *m.find("norm");
  const auto* trajectory = std::get_if<TrajectoryMeasure>(&o.measure);
  if (trajectory != nullptr) {
    if (*text != ">= trajectory") {
      ctx.reader.error(node, m.what() + ": a trajectory's norm is \">= trajectory\"");
      return false;
    }
    o.norm = Norm{Op::kGe, trajectory->reduction, Unit::kRatio, false};
    o.norm_is_trajectory = true;
    return true;
  }
  Parsed<Norm> norm = parse_norm(*text, measure_unit(o.measure));
  if (!norm.value) {
    ctx.reader.error(node, m.what() + ": " + norm.error);
    return false;
  }
  o.norm = *norm.value;
  return true;
}

std::optional<Cadence> read_cadence(LoadContext& ctx, const MapReader& m, bool required) {
  const std::optional<std::string> text = m.string("cadence", required);
  if (!text) return std::nullopt;
  std::optional<Cadence> c = parse_cadence(*text);
  if (!c) {
    ctx.reader.error(*m.find("cadence"),
                     m.what() +
                         ": cadence must be one of week, month, quarter, half_year, year, "
                         "contract_year, once; not " +
                         quoted(*text));
  }
  return c;
}

std::optional<Objective> read_objective(LoadContext& ctx, const YAML::Node& node,
                                        const std::string& kpi) {
  const std::string what = kpi + " objective " + peek_scalar(node, "id", "?");
  MapReader m(ctx.reader, node, what,
              {"id", "title", "cadence", "measure", "norm", "example", "minimum_volume"});
  if (!m.is_map()) return std::nullopt;
  const std::size_t errors_before = ctx.reader.error_count();
  Objective o;
  o.id = m.string("id", true).value_or("");
  if (m.has("title")) o.title = m.text("title", true);
  if (m.has("cadence")) o.cadence = read_cadence(ctx, m, false);
  const std::optional<YAML::Node> measure = m.require("measure");
  std::optional<Measure> read = measure ? read_measure(ctx, *measure, what) : std::nullopt;
  if (read) {
    o.measure = std::move(*read);
    if (read_norm(ctx, m, o)) o.norm.example = m.boolean("example").value_or(false);
  }
  if (const std::optional<YAML::Node> mv = m.find("minimum_volume")) {
    o.minimum_volume = read_minimum_volume(ctx, *mv, what);
  }
  if (ctx.reader.error_count() != errors_before) return std::nullopt;
  return o;
}

std::optional<LadderRule> read_rule(LoadContext& ctx, const YAML::Node& node,
                                    const std::string& what) {
  if (node.IsScalar() && node.Scalar() == "breach") return BreachRule{};
  MapReader m(ctx.reader, node, what + ": when",
              {"streak", "breaches", "misses", "within", "deviation"});
  if (!m.is_map()) return std::nullopt;
  const auto fail = [&](const YAML::Node& at, const std::string& message) {
    ctx.reader.error(at, m.what() + ": " + message);
    return std::optional<LadderRule>();
  };
  if (const std::optional<std::string> streak = m.string("streak", false)) {
    Parsed<CountRule> r = parse_count_rule(*streak);
    if (!r.value) return fail(*m.find("streak"), r.error);
    return StreakRule{r.value->count, r.value->or_more};
  }
  for (const char* counted : {"breaches", "misses"}) {
    const std::optional<std::string> count = m.string(counted, false);
    if (!count) continue;
    Parsed<CountRule> r = parse_count_rule(*count);
    if (!r.value) return fail(*m.find(counted), r.error);
    const std::optional<std::string> within = m.string("within", true);
    if (!within) return std::nullopt;
    const bool misses = std::string_view(counted) == "misses";
    if (*within == "contract_year") return CountWithinRule{r.value->count, 12, true, misses};
    Parsed<int> months = parse_months(*within);
    if (!months.value) return fail(*m.find("within"), months.error);
    return CountWithinRule{r.value->count, *months.value, false, misses};
  }
  if (const std::optional<std::string> deviation = m.string("deviation", false)) {
    Parsed<DeviationRule> r = parse_deviation(*deviation);
    if (!r.value) return fail(*m.find("deviation"), r.error);
    return *r.value;
  }
  if (m.has("streak") || m.has("breaches") || m.has("misses") || m.has("deviation")) {
    return std::nullopt;
  }
  return fail(node,
              "give streak, breaches or misses (with within) or deviation, or write when: breach");
}

std::optional<LadderStep> read_step(LoadContext& ctx, const YAML::Node& node, const Kpi& kpi) {
  const std::string what = kpi.id + " ladder step";
  MapReader m(ctx.reader, node, what,
              {"when", "objective", "action", "label", "owner", "due", "malus", "example"});
  if (!m.is_map()) return std::nullopt;
  const std::size_t errors_before = ctx.reader.error_count();
  LadderStep s;
  const std::optional<YAML::Node> when = m.require("when");
  std::optional<LadderRule> rule = when ? read_rule(ctx, *when, what) : std::nullopt;
  if (rule) s.when = *rule;
  if (std::optional<std::string> objective = m.string("objective", false)) {
    const bool known = std::any_of(kpi.objectives.begin(), kpi.objectives.end(),
                                   [&](const Objective& o) { return o.id == *objective; });
    if (!known) {
      ctx.reader.error(*m.find("objective"),
                       what + ": " + kpi.id + " has no objective " + quoted(*objective));
    }
    s.objective = objective;
  }
  s.action = m.string("action", true).value_or("");
  s.label = m.text("label", true).value_or(Text{});
  if (std::optional<std::string> owner = m.string("owner", true)) {
    if (*owner == "client" || *owner == "supplier") {
      s.owner = *owner == "client" ? Owner::kClient : Owner::kSupplier;
    } else {
      ctx.reader.error(*m.find("owner"), what + ": owner must be client or supplier");
    }
  }
  if (std::optional<std::string> due = m.string("due", false)) {
    Parsed<ActionDue> d = parse_action_due(*due);
    if (d.value) {
      s.due = d.value;
    } else {
      ctx.reader.error(*m.find("due"), what + ": " + d.error);
    }
  }
  if (!m.has("due")) {
    ctx.reader.warning(node, what + " " + quoted(s.action) +
                                 " has no due: its actions get no deadline, can never be late, "
                                 "and count as incomplete in an actions register (KPI-06)");
  }
  if (std::optional<std::string> malus = m.string("malus", false)) {
    Parsed<Decimal> pct = parse_percent(*malus);
    if (pct.value) {
      s.malus_pct = pct.value;
    } else {
      ctx.reader.error(*m.find("malus"), what + ": malus: " + pct.error);
    }
  }
  s.example = m.boolean("example").value_or(false);
  if (ctx.reader.error_count() != errors_before) return std::nullopt;
  return s;
}

std::optional<Bonus> read_bonus(LoadContext& ctx, const YAML::Node& node, const std::string& kpi) {
  MapReader m(ctx.reader, node, kpi + " bonus", {"pct", "met_streak", "condition", "example"});
  if (!m.is_map()) return std::nullopt;
  Bonus b;
  const std::optional<std::string> pct = m.string("pct", true);
  Parsed<Decimal> parsed = pct ? parse_percent(*pct) : Parsed<Decimal>::fail("");
  if (pct && !parsed.value) ctx.reader.error(*m.find("pct"), m.what() + ": pct: " + parsed.error);
  b.met_streak = m.integer("met_streak", false, 1, 1200).value_or(1);
  b.condition = m.text("condition", false).value_or(Text{});
  b.example = m.boolean("example").value_or(false);
  if (!parsed.value) return std::nullopt;
  b.pct = *parsed.value;
  return b;
}

template <typename T, typename F>
std::vector<T> read_list(LoadContext& ctx, const MapReader& m, std::string_view key, F read_one) {
  std::vector<T> out;
  const std::optional<YAML::Node> list = m.find(key);
  if (!list) return out;
  if (!list->IsSequence()) {
    ctx.reader.error(*list, m.what() + ": " + std::string(key) + " must be a list");
    return out;
  }
  for (const auto& item : *list) {
    if (std::optional<T> v = read_one(item)) out.push_back(std::move(*v));
  }
  return out;
}

}  // namespace

std::optional<Kpi> read_kpi(LoadContext& ctx, const YAML::Node& node) {
  const std::size_t errors_before = ctx.reader.error_count();
  const MapReader block(
      ctx.reader, node, peek_scalar(node, "id", "KPI"),
      {"id", "title", "requirement", "cadence", "weekly", "objectives", "ladder", "bonus"});
  if (!block.is_map()) return std::nullopt;
  Kpi k;
  k.id = block.string("id", true).value_or("?");
  k.title = block.text("title", true).value_or(Text{});
  k.requirement = block.string("requirement", true).value_or("");
  k.cadence = read_cadence(ctx, block, true).value_or(Cadence::kMonth);
  k.weekly = block.boolean("weekly").value_or(false);
  if (!block.require("objectives")) return std::nullopt;
  k.objectives = read_list<Objective>(
      ctx, block, "objectives", [&](const YAML::Node& n) { return read_objective(ctx, n, k.id); });
  if (k.objectives.empty() && ctx.reader.error_count() == errors_before) {
    ctx.reader.error(*block.find("objectives"), k.id + ": a KPI needs at least one objective");
  }
  k.ladder = read_list<LadderStep>(ctx, block, "ladder",
                                   [&](const YAML::Node& n) { return read_step(ctx, n, k); });
  // The action id names the step in results and in the action register (KPI-01/2026-03/malus).
  if (const std::optional<YAML::Node> ladder = block.find("ladder");
      ladder && ladder->IsSequence()) {
    std::set<std::string> actions;
    for (const auto& step : *ladder) {
      if (!step.IsMap() || !step["action"] || !step["action"].IsScalar()) continue;
      if (!actions.insert(step["action"].Scalar()).second) {
        ctx.reader.error(step["action"], k.id + " ladder: action " +
                                             quoted(step["action"].Scalar()) +
                                             " names two steps; each step needs its own action id");
      }
    }
  }
  if (const std::optional<YAML::Node> bonus = block.find("bonus")) {
    k.bonus = read_bonus(ctx, *bonus, k.id);
  }
  if (ctx.reader.error_count() != errors_before) return std::nullopt;
  return k;
}

std::vector<Kpi> read_kpis(LoadContext& ctx, const YAML::Node& node, std::string_view what) {
  std::vector<Kpi> kpis;
  if (!node.IsSequence()) {
    ctx.reader.error(node, std::string(what) + " must be a list of KPI blocks");
    return kpis;
  }
  std::map<std::string, int> kpi_lines;
  std::map<std::string, std::string> objective_owner;
  for (const auto& item : node) {
    std::optional<Kpi> k = read_kpi(ctx, item);
    if (!k) continue;
    const auto [it, fresh] = kpi_lines.emplace(k->id, item.Mark().line + 1);
    if (!fresh) {
      ctx.reader.error(item, "duplicate KPI id " + quoted(k->id) + " (first at line " +
                                 std::to_string(it->second) + ")");
      continue;
    }
    const YAML::Node objectives = item["objectives"];
    std::size_t index = 0;
    for (const Objective& o : k->objectives) {
      const auto [owner, new_id] = objective_owner.emplace(o.id, k->id);
      if (!new_id) {
        ctx.reader.error(objectives[index], "duplicate objective id " + quoted(o.id) +
                                                " (already in " + owner->second + ")");
      }
      ++index;
    }
    kpis.push_back(std::move(*k));
  }
  return kpis;
}

}  // namespace meetlat::contract::detail
