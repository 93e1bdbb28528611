#include "store/compression.h"

#include <zstd.h>

#include <cstdint>
#include <memory>

#include "store/store_error.h"

namespace meetlat::store {

std::string compress(std::string_view bytes) {
  // Uninitialised room for the worst case (zeroing a gigabyte of it cost more than compressing),
  // two worker threads when the library has them (Debian's does), level 1 (on canonical rows as
  // small as level 3 within 1%, at half the time).
  const std::size_t bound = ZSTD_compressBound(bytes.size());
  const auto room = std::make_unique_for_overwrite<char[]>(bound);
  const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(),
                                                                     &ZSTD_freeCCtx);
  if (context == nullptr) throw StoreError("cannot compress a segment: out of memory");
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, 1);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_nbWorkers, 2);     // an error leaves it single
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);  // as FrameCompressor's
  const std::size_t size =
      ZSTD_compress2(context.get(), room.get(), bound, bytes.data(), bytes.size());
  if (ZSTD_isError(size) != 0) {
    throw StoreError(std::string("cannot compress a segment: ") + ZSTD_getErrorName(size));
  }
  return {room.get(), size};
}

FrameCompressor::FrameCompressor() : context_(ZSTD_createCCtx()) {
  if (context_ == nullptr) throw StoreError("cannot compress a segment: out of memory");
  ZSTD_CCtx_setParameter(static_cast<ZSTD_CCtx*>(context_), ZSTD_c_compressionLevel, 1);
  // A checksum of the content ends each frame, so that a damaged frame is an error, never other
  // rows (xxHash64: a fraction of the compression's time).
  ZSTD_CCtx_setParameter(static_cast<ZSTD_CCtx*>(context_), ZSTD_c_checksumFlag, 1);
}

FrameCompressor::~FrameCompressor() { ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(context_)); }

std::string FrameCompressor::frame(std::string_view bytes) {
  const std::size_t bound = ZSTD_compressBound(bytes.size());
  if (bound > room_bytes_) {
    room_ = std::make_unique_for_overwrite<char[]>(bound);
    room_bytes_ = bound;
  }
  const std::size_t size = ZSTD_compress2(static_cast<ZSTD_CCtx*>(context_), room_.get(), bound,
                                          bytes.data(), bytes.size());
  if (ZSTD_isError(size) != 0) {
    throw StoreError(std::string("cannot compress a segment: ") + ZSTD_getErrorName(size));
  }
  return {room_.get(), size};
}

std::vector<Frame> frames_of(std::string_view compressed) {
  std::vector<Frame> frames;
  std::size_t total = 0;
  do {
    const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    const std::size_t frame = ZSTD_findFrameCompressedSize(compressed.data(), compressed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        ZSTD_isError(frame) != 0 || frame > compressed.size() || size > SIZE_MAX - total) {
      throw StoreError("a stored segment is damaged: not a zstd frame of known size");
    }
    total += size;
    frames.push_back({compressed.substr(0, frame), static_cast<std::size_t>(size)});
    compressed.remove_prefix(frame);
  } while (!compressed.empty());
  return frames;
}

std::size_t decompressed_size(std::string_view compressed) {
  std::size_t total = 0;
  for (const Frame& frame : frames_of(compressed)) total += frame.size;
  return total;
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
