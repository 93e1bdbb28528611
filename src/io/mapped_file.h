// The bytes of a regular file for reading, mapped read-only (so a file of gigabytes costs a few
// MiB of memory when the reader releases pages behind it), or read into memory when it cannot be
// mapped (an empty file).
//
// A mapped file that is truncated while it is read would kill the process with SIGBUS. Here the
// signal is caught for the mapped range only: the missing pages read as zero bytes from then on
// and check_unchanged() reports the truncation. check_unchanged() also notices a file that grew
// or was rewritten meanwhile (size or modification time differ). A reader calls it when done and
// discards what it read when it throws. SIGBUS outside every mapping keeps its usual effect.
//
// Thread safety: the text may be read from several threads; construct and destroy on one.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "io/regular_file.h"

namespace meetlat::io {

class MappedFile {
 public:
  // Opens `path` with open_regular (FileError when it is not a regular file or cannot be read).
  explicit MappedFile(const std::filesystem::path& path);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const;
  bool mapped() const { return mapped_ != nullptr; }

  // Throws FileError naming the path when the file was truncated, grew or was rewritten since it
  // was opened: what was read from it is not the file.
  void check_unchanged() const;

 private:
  std::filesystem::path path_;
  UniqueFd fd_;
  struct stat opened_ {};
  char* mapped_ = nullptr;
  int guard_slot_ = -1;  // this mapping's place in the SIGBUS guard; -1 when none
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
};

}  // namespace meetlat::io
