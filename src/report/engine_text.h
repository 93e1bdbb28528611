// The sentences the engine writes itself (a reason for no data, a warning of the evidence or the
// evaluation) in the reader's language. The engine keeps writing them in English, which is what
// the JSON result holds, byte for byte (spec/cli-and-output.md); every sentence it can write is a
// message of the catalogues under an `engine.` id whose English template is the engine's own
// wording. A sentence is read back against those English templates, which gives its message id
// and the values of its placeholders, and is then said from the reader's catalogue.
//
// engine_text_test.cc holds every sentence the engine writes, as the engine writes it, so a change
// of the engine's wording that the English templates no longer match fails there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence/diagnostic.h"
#include "report/catalogue.h"

namespace meetlat::report {

// A sentence of the engine read back: its catalogue id and its placeholders' values, as the
// engine wrote them.
struct EngineMessage {
  std::string id;  // "engine.no_evidence_file"
  std::vector<std::pair<std::string_view, std::string>> values;
};

// `english` read against the English templates of the `engine.` messages; nullopt when it is none
// of them.
std::optional<EngineMessage> read_engine_text(std::string_view english);

// `english`, a sentence of the engine, in the language of `words`: unchanged for English, and
// also when it matches no template (so a reader is never shown less than the engine said);
// dates in it are written as the language writes them ("5 oktober 2026"), numbers with its
// marks.
std::string engine_text(std::string_view english, const Catalogue& words);

// The kinds of problem of rows left out with their counts, in the reader's words: "7 ongeldig
// tijdstip, 1.193 dubbel id".
std::string rejected_kinds_text(const evidence::SkippedRows& rows, const Catalogue& words);

}  // namespace meetlat::report
