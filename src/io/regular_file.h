// Opening the files a user names (evidence, contracts) safely: only regular files, never blocking.
//
// A FIFO opened for reading blocks until a writer appears, a device may never end, a folder
// cannot be read as text, and a dangling symbolic link looks like an absent file to
// std::filesystem::exists. These functions tell each case apart and say so, naming the path.
// Symbolic links to regular files are followed. Nothing here keeps state; any thread may call.
#pragma once

#include <filesystem>
#include <string>

#include "io/file_error.h"

namespace meetlat::io {

// A file descriptor that closes itself.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();

  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

// Whether a path names something: absent (nothing there, and no link pointing nowhere) or
// present. Throws FileError for everything that is neither: a dangling symbolic link, a loop of
// links, a name too long, a folder on the way that cannot be searched.
enum class Presence { kAbsent, kPresent };
Presence presence(const std::filesystem::path& path);

// Opens `path` for reading when it is a regular file (after following links), without ever
// blocking; otherwise throws FileError saying what it is instead.
UniqueFd open_regular(const std::filesystem::path& path);

// The whole text of the regular file `path` (open_regular, then read). Throws FileError.
std::string read_regular(const std::filesystem::path& path);

// Throws FileError unless `path` is a folder (after following links): "no such folder", "is a
// regular file, not a folder", a loop of links, a name too long.
void check_folder(const std::filesystem::path& path);

// What a stat mode is, for messages: "a folder", "a named pipe (FIFO)", ...
std::string describe_file_type(unsigned mode);

}  // namespace meetlat::io
