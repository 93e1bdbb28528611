// Stored segments: compressed frames read back as the text they make together, and a damaged
// frame is an error, never other rows.
#include "store/compression.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_error.h"

namespace meetlat::store {
namespace {

TEST(Compression, ATextReadsBackAsItWas) {
  std::string whole;
  for (int row = 0; row < 200000; ++row) {
    whole += "2026-10-05T07:" + std::to_string(row % 60) + ":00Z,search," +
             std::to_string((row * 7919) % 1000) + ".5\n";
  }
  const std::string compressed = compress(whole);
  EXPECT_EQ(decompressed_size(compressed), whole.size());
  EXPECT_EQ(decompress(compressed), whole);
  EXPECT_LT(compressed.size(), whole.size() / 4);
  EXPECT_EQ(decompress(compress("")), "");  // a kind kept without rows
}

TEST(Compression, FramesOneAfterTheOtherReadBackAsOneText) {
  // An import stores a large segment as a frame per piece, made on the reading threads.
  FrameCompressor compressor;
  std::string stored;
  std::string whole;
  for (int i = 0; i < 5; ++i) {
    std::string piece;
    for (int row = 0; row < 20000 * (i + 1); ++row) {
      piece += "2026-10-05T07:00:" + std::to_string(row % 60) + "Z,n" + std::to_string(i) + "," +
               std::to_string(row % 997) + "\n";
    }
    whole += piece;
    stored += compressor.frame(piece);
  }
  EXPECT_EQ(decompressed_size(stored), whole.size());
  EXPECT_EQ(decompress(stored), whole);
  EXPECT_EQ(decompress(compress(whole)), whole);  // one frame, as before
  // A damaged later frame, or one cut short, is the segment's damage.
  EXPECT_THROW(decompress(stored.substr(0, stored.size() - 5)), StoreError);
  EXPECT_THROW(decompress(stored + "junk"), StoreError);
  std::string flipped = stored;
  flipped[flipped.size() / 2 + 7] = static_cast<char>(flipped[flipped.size() / 2 + 7] ^ 0x5A);
  EXPECT_THROW(decompress(flipped), StoreError);
}

TEST(Compression, ADamagedFrameIsAnError) {
  std::string compressed = compress(std::string(100000, 'x') + "end");
  EXPECT_THROW(decompress(compressed.substr(0, compressed.size() / 2)), StoreError);
  EXPECT_THROW(decompress("not a frame"), StoreError);
  EXPECT_THROW(decompress(""), StoreError);
}

}  // namespace
}  // namespace meetlat::store
