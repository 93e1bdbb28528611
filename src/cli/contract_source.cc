#include "cli/contract_source.h"

#include <iostream>

#include "contract/default_contract.h"
#include "contract/loader.h"
#include "io/regular_file.h"

namespace meetlat::cli {

std::optional<contract::Contract> contract_from(const std::string& path, bool show_warnings) {
  if (path.empty()) return contract::default_contract();
  std::string text;
  try {
    text = io::read_regular(path);
  } catch (const io::FileError& e) {
    std::cerr << e.what() << '\n';
    return std::nullopt;
  }
  contract::LoadResult r = contract::load_contract(text, path);
  for (const contract::Diagnostic& d : r.diagnostics) std::cerr << d.to_string() << '\n';
  if (show_warnings && r.ok()) {
    for (contract::Diagnostic w : r.warnings) {
      w.message = "warning: " + w.message;
      std::cerr << w.to_string() << '\n';
    }
  }
  return std::move(r.contract);
}

}  // namespace meetlat::cli
