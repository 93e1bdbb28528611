// Internal to the contract loader: the pieces of load_contract, one file per part of the file
// format (loader.cc: the contract, calendars, priorities, parameters, amendments; kpi_loader.cc:
// KPIs, objectives, ladders; measure_loader.cc: measures).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "contract/evidence_catalog.h"
#include "contract/model.h"
#include "contract/yaml_reader.h"

namespace meetlat::contract::detail {

// What a KPI block is checked against: the parts of the contract read before the KPIs.
struct LoadContext {
  YamlReader& reader;
  const Contract& contract;  // calendars, priorities, severities, parameters already read
};

// A KPI block; nullopt when it had errors (already reported).
std::optional<Kpi> read_kpi(LoadContext& ctx, const YAML::Node& node);
// The kpis list; reports duplicate KPI ids and objective ids across the list.
std::vector<Kpi> read_kpis(LoadContext& ctx, const YAML::Node& node, std::string_view what);

// The `priority_names` block: per evidence kind, its names for the priorities (read after them).
void read_priority_names(YamlReader& reader, const YAML::Node& node, Contract& contract);

// An objective's measure; `what` names the objective in messages.
std::optional<Measure> read_measure(LoadContext& ctx, const YAML::Node& node,
                                    const std::string& what);

}  // namespace meetlat::contract::detail
