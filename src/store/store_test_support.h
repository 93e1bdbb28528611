// What the store's tests share: the zone they read evidence in and a table of a file's text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "evidence/load.h"
#include "time/zone.h"

namespace meetlat::store::testing {

inline const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

// The table of the evidence file `text` of `kind`, read in Amsterdam; a test fails when it has a
// diagnostic.
inline evidence::Table load_table(std::string_view kind, const std::string& text) {
  const evidence::FileSchema& schema = *evidence::find_schema(kind);
  evidence::LoadOptions options{amsterdam()};
  evidence::FileLoad loaded = evidence::load_evidence_text(schema, text, options);
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().to_string();
  return std::move(*loaded.table);
}

}  // namespace meetlat::store::testing
