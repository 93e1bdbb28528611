#include "contract/default_contract.h"

#include <stdexcept>
#include <string>

#include "contract/loader.h"

namespace meetlat::contract {
namespace detail {
extern const std::string_view kDefaultContractYaml;
}  // namespace detail

std::string_view default_contract_yaml() { return detail::kDefaultContractYaml; }

Contract default_contract() {
  static const Contract kDefault = [] {
    LoadResult r = load_contract(default_contract_yaml(), "contracts/default.yaml");
    if (!r.ok()) {
      std::string message = "the built-in default contract does not load:";
      for (const Diagnostic& d : r.diagnostics) message += "\n" + d.to_string();
      throw std::logic_error(message);
    }
    return std::move(*r.contract);
  }();
  return kDefault;
}

}  // namespace meetlat::contract
