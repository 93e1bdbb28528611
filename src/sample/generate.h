// `meetlat generate`: writes realistic synthetic evidence for the default contract — every file
// of the spec's "Evidence files" table, with its exact header — into a folder.
//
// Deterministic: the same options (whatever `threads`) give byte-identical files. The rhythms,
// volumes and injected failure rates are documented in docs/sample.md. Throws GenerateError
// (naming the path) when the folder or a file cannot be written, time::TimeError when the
// contract zone is missing from the OS tz database. Options must pass validate() first.
//
// The folder appears whole or not at all: the files are written into a temporary folder beside
// `out`, which then takes the place of `out` in one rename (io/atomic_write.h), so a generation
// that is killed or fails leaves `out` as it was. An existing `out` may hold only evidence files
// (it is replaced as a whole); anything else there makes generate refuse before writing.
#pragma once

#include <filesystem>
#include <vector>

#include "sample/generate_options.h"
#include "sample/generation.h"

namespace meetlat::sample {

// The files written, in the order of the spec's table, with their row and byte counts.
std::vector<WrittenFile> generate(const GenerateOptions& options, const std::filesystem::path& out);

}  // namespace meetlat::sample
