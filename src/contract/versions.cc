#include "contract/versions.h"

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

}  // namespace meetlat::contract
