// Fuzzes the contract loader, contract::load_contract (contract/loader.h), with arbitrary text as
// the YAML of a contract file.
//
// Besides the sanitizers' checks it holds the loader to its header: it never throws; it returns
// either a contract and no diagnostics, or diagnostics and no contract; the diagnostics are sorted
// by line and column and name the file. A contract that loads has a time zone that loads, and the
// contract in force in its first month and in each amendment's month can be built, and so can
// each of its calendars (time::CalendarSpec::problem finds nothing).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "contract/loader.h"
#include "contract/model.h"
#include "fuzz/check.h"
#include "time/zone.h"

namespace {

using meetlat::fuzz::check;
namespace contract = meetlat::contract;
namespace time = meetlat::time;

constexpr std::string_view kFileName = "fuzz.yaml";

void check_diagnostics(const contract::LoadResult& result, std::string_view text) {
  check(result.ok() == result.diagnostics.empty(),
        "a contract exactly when there are no diagnostics", text);
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    const contract::Diagnostic& d = result.diagnostics[i];
    check(d.file == kFileName, "a diagnostic names the file", text);
    check(!d.message.empty(), "a diagnostic has a message", text);
    check(d.line >= 0 && d.column >= 0, "a diagnostic's position is not negative", text);
    check(d.to_string().starts_with(kFileName), "a diagnostic's text starts with the file", text);
    if (i > 0) {
      const contract::Diagnostic& before = result.diagnostics[i - 1];
      check(before.line < d.line || (before.line == d.line && before.column <= d.column),
            "diagnostics are sorted by line and column", text);
    }
  }
}

void check_contract(const contract::Contract& c, std::string_view text) {
  (void)time::Zone::load(c.timezone);  // the loader checked the zone: this must not throw
  (void)contract::contract_in_force(c, c.start);
  for (const contract::Amendment& a : c.amendments) {
    (void)contract::contract_in_force(c, a.effective_from);
  }
  check(c.find_calendar("24x7") != nullptr, "every contract has the built-in 24x7 calendar", text);
  for (const auto& [name, def] : c.calendars) {
    check(!def.spec.problem().has_value(), "every calendar of a contract that loads can be built",
          text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const contract::LoadResult result = contract::load_contract(text, kFileName);
  check_diagnostics(result, text);
  if (result.contract) check_contract(*result.contract, text);
  return 0;
}
