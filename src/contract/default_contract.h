// The default contract of the seed: contracts/default.yaml, compiled into the binary at build
// time, so that `meetlat` works without a contract file and `meetlat contract show --default`
// prints the exact text to start from.
#pragma once

#include <string_view>

#include "contract/model.h"

namespace meetlat::contract {

// The text of contracts/default.yaml as shipped.
std::string_view default_contract_yaml();

// The default contract, loaded once (thread-safe) and copied out. The file is checked by the
// build's tests; a default contract that fails to load is a programmer error and throws
// std::logic_error with every diagnostic.
Contract default_contract();

}  // namespace meetlat::contract
