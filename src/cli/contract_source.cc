#include "cli/contract_source.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "contract/default_contract.h"
#include "contract/loader.h"

namespace meetlat::cli {

std::optional<contract::Contract> contract_from(const std::string& path) {
  if (path.empty()) return contract::default_contract();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot read the file\n";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  contract::LoadResult r = contract::load_contract(text.str(), path);
  for (const contract::Diagnostic& d : r.diagnostics) std::cerr << d.to_string() << '\n';
  return std::move(r.contract);
}

}  // namespace meetlat::cli
