#include "store/compression.h"

#include <zstd.h>

#include "store/store_error.h"

namespace meetlat::store {

std::string compress(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  if (ZSTD_isError(size) != 0) {
    throw StoreError(std::string("cannot compress a segment: ") + ZSTD_getErrorName(size));
  }
  out.resize(size);
  return out;
}

std::size_t decompressed_size(std::string_view compressed) {
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw StoreError("a stored segment is damaged: not a zstd frame of known size");
  }
  return size;
}

void decompress_into(std::string_view compressed, std::span<char> out) {
  const std::size_t got =
      ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(got) != 0 || got != out.size()) {
    throw StoreError(std::string("a stored segment is damaged: ") +
                     (ZSTD_isError(got) != 0 ? ZSTD_getErrorName(got) : "short"));
  }
}

std::string decompress(std::string_view compressed) {
  std::string out(decompressed_size(compressed), '\0');
  decompress_into(compressed, out);
  return out;
}

}  // namespace meetlat::store
