// Fuzzes the decoder of segments kept in columns (store/column_rows.h), as read back from a
// damaged or foreign `segment_rows` row. The first byte picks the schema (its index in
// all_schemas(), modulo their number); the rest is the content, split into two pieces (frames) at
// the position the second byte names.
//
// The laws: content is refused with a StoreError or decodes to rows; rows decoded and encoded again
// (as CanonicalRowsSink::follow takes a later sink's rows over) decode to the same canonical text,
// and that encoding is a fixed point.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/schema.h"
#include "fuzz/check.h"
#include "store/column_rows.h"
#include "store/store_error.h"
#include "time/zone.h"

namespace {

using meetlat::fuzz::check;
namespace store = meetlat::store;
namespace evidence = meetlat::evidence;

// The text of `pieces` decoded in order, and the rows encoded again (std::nullopt when refused).
struct Decoded {
  std::string text;
  std::string encoded;
};
std::optional<Decoded> decode(const evidence::FileSchema& schema,
                              const std::vector<std::string_view>& pieces) {
  static const meetlat::time::Zone utc;
  try {
    Decoded out;
    store::ColumnRowsDecoder text_decoder(schema);
    for (const std::string_view piece : pieces) text_decoder.append_text(piece, out.text);
    store::ColumnRowsDecoder decoder(schema);
    store::ColumnRowsEncoder encoder(schema, utc);
    std::vector<store::ColumnCell> row;
    for (const std::string_view piece : pieces) {
      decoder.feed(piece);
      while (decoder.next(row)) encoder.add(decoder, row, out.encoded);
    }
    return out;
  } catch (const store::StoreError&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.size() < 2) return 0;
  const auto& schemas = evidence::all_schemas();
  const evidence::FileSchema& schema =
      schemas[static_cast<unsigned char>(input[0]) % schemas.size()];
  const std::string_view content = input.substr(2);
  const std::size_t split =
      std::min<std::size_t>(static_cast<unsigned char>(input[1]), content.size());
  const auto once = decode(schema, {content.substr(0, split), content.substr(split)});
  if (!once) return 0;
  const auto again = decode(schema, {once->encoded});
  check(again.has_value(), "rows encoded again decode", input);
  check(again->text == once->text, "rows encoded again decode to the same text", input);
  check(again->encoded == once->encoded, "the encoding of decoded rows is a fixed point", input);
  return 0;
}
