// What `meetlat --version` prints: the version of the project and the git revision it was built
// from, "meetlat 0.1.0 (git d1b4ebb)". The revision is read at every build; "-dirty" follows it
// when tracked files differed from that commit, and "(unknown revision)" replaces it when the
// sources were not a git checkout.
#pragma once

#include <string>

namespace meetlat::cli {

std::string version_line();

}  // namespace meetlat::cli
