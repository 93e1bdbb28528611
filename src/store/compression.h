// zstd compression of stored evidence segments (libzstd). Level 1: canonical CSV text keeps about a
// seventh of its bytes, at about 400 MB/s a core.
//
// A stored segment is one or more whole zstd frames one after the other, each recording its
// content size; its text is their contents in order. compress() makes one frame (on two worker
// threads); an import makes a large segment's frames while its rows are read, a frame per piece of
// a few megabytes (FrameCompressor), on the reading threads, and stores their concatenation.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetlat::store {

std::string compress(std::string_view bytes);
// One frame of `bytes`, level 1, ending in a checksum of its content, on the calling thread: a
// context kept from frame to frame.
class FrameCompressor {
 public:
  FrameCompressor();
  ~FrameCompressor();
  FrameCompressor(const FrameCompressor&) = delete;
  FrameCompressor& operator=(const FrameCompressor&) = delete;
  std::string frame(std::string_view bytes);

 private:
  void* context_;  // ZSTD_CCtx
  // Room for the worst case of the largest frame so far, uninitialised: kept, so that its pages
  // are faulted in once.
  std::unique_ptr<char[]> room_;
  std::size_t room_bytes_ = 0;
};

// Throws StoreError when `compressed` is not a sequence of whole zstd frames of known content size
// (a damaged workspace).
std::string decompress(std::string_view compressed);

// The size decompress() returns, the sum of the frames' content sizes read from their headers;
// throws as decompress() does.
std::size_t decompressed_size(std::string_view compressed);
// Decompresses into `out`, which must have exactly decompressed_size() bytes (uninitialised
// memory is fine: every byte is written).
void decompress_into(std::string_view compressed, std::span<char> out);

// The frames of `compressed`, in order, each with its content size: a segment's rows can be
// decompressed a few frames at a time. Throws as decompress() does.
struct Frame {
  std::string_view compressed;
  std::size_t size = 0;  // of its content
};
std::vector<Frame> frames_of(std::string_view compressed);

}  // namespace meetlat::store
