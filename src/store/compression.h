// zstd compression of stored evidence segments (libzstd). Level 1 on two worker threads: canonical
// CSV text keeps about a seventh of its bytes, at about 400 MB/s a core.
// The frame records its content size (decompressed_size reads it).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace meetlat::store {

std::string compress(std::string_view bytes);
// The pieces one after the other, as one frame: compress() of their concatenation, without making
// it.
std::string compress(std::span<const std::string> pieces);
// Throws StoreError when `compressed` is not one whole zstd frame (a damaged workspace).
std::string decompress(std::string_view compressed);

// The size decompress() returns, read from the frame's header; throws as decompress() does.
std::size_t decompressed_size(std::string_view compressed);
// Decompresses into `out`, which must have exactly decompressed_size() bytes (uninitialised
// memory is fine: every byte is written).
void decompress_into(std::string_view compressed, std::span<char> out);

}  // namespace meetlat::store
