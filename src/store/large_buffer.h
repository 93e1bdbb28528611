// Room for a large text that is filled once and then read: a month of canonical rows
// decompressed (a gigabyte at the reference volumes).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace meetlat::store {

// `size` bytes, not zeroed. From 2 MiB on the room is aligned to 2 MiB and advised onto
// transparent huge pages (madvise MADV_HUGEPAGE; Debian's kernels make them on request), so that
// filling it faults once per 2 MiB instead of once per 4 KiB page: decompressing a month of
// transactions into 4 KiB pages cost more in page faults than parsing the rows
// (bench/README.md, "Workspace"). Where the kernel declines, it is ordinary memory.
class LargeBuffer {
 public:
  LargeBuffer() = default;
  explicit LargeBuffer(std::size_t size);  // throws std::bad_alloc

  char* data() { return bytes_.get(); }
  std::size_t size() const { return size_; }
  std::string_view view() const { return {bytes_.get(), size_}; }

 private:
  struct Free {
    void operator()(char* p) const noexcept { std::free(p); }  // NOLINT(*-no-malloc)
  };
  std::unique_ptr<char, Free> bytes_;
  std::size_t size_ = 0;
};

}  // namespace meetlat::store
