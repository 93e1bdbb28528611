#include "contract/versions.h"

#include <stdexcept>
#include <string>

namespace meetlat::contract {

Versions::Versions(const Contract& contract) : contract_(contract) {
  versions_.push_back({0, contract.start, contract_in_force(contract, contract.start)});
  int number = 0;
  for (const Amendment& a : contract.amendments) {
    versions_.push_back(
        {++number, a.effective_from, contract_in_force(contract, a.effective_from)});
  }
}

const Version& Versions::in_force(time::Date day) const {
  const Version* out = &versions_.front();
  for (const Version& v : versions_) {
    if (day < v.effective_from) break;
    out = &v;
  }
  return *out;
}

const Version& Versions::at(int number) const {
  if (number < 0 || static_cast<std::size_t>(number) >= versions_.size()) {
    throw std::out_of_range("contract " + contract_.id + " has no version " +
                            std::to_string(number));
  }
  return versions_[static_cast<std::size_t>(number)];
}

const Kpi& Versions::kpi(int version, std::string_view kpi_id) const {
  const Kpi* k = at(version).terms.find_kpi(kpi_id);
  if (k == nullptr) {
    throw std::out_of_range("version " + std::to_string(version) + " of contract " + contract_.id +
                            " has no KPI " + std::string(kpi_id));
  }
  return *k;
}

const LadderStep& Versions::step(int version, std::string_view kpi_id,
                                 std::string_view action) const {
  const Kpi& k = kpi(version, kpi_id);
  const LadderStep* s = k.find_step(action);
  if (s == nullptr) {
    throw std::out_of_range("version " + std::to_string(version) + " of contract " + contract_.id +
                            ": " + k.id + " has no ladder step " + std::string(action));
  }
  return *s;
}

}  // namespace meetlat::contract
