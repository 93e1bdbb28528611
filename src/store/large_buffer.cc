#include "store/large_buffer.h"

#include <sys/mman.h>

#include <new>

namespace meetlat::store {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

}  // namespace

LargeBuffer::LargeBuffer(std::size_t size) : size_(size) {
  void* room = nullptr;
  if (size >= kHugePage) {
    const std::size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
    room = std::aligned_alloc(kHugePage, rounded);  // NOLINT(*-no-malloc)
    // Advice only: a kernel without transparent huge pages leaves 4 KiB pages.
    if (room != nullptr) static_cast<void>(madvise(room, rounded, MADV_HUGEPAGE));
  } else {
    room = std::malloc(size > 0 ? size : 1);  // NOLINT(*-no-malloc)
  }
  if (room == nullptr) throw std::bad_alloc();
  bytes_.reset(static_cast<char*>(room));
}

}  // namespace meetlat::store
