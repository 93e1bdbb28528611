#include "io/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace meetlat::io {
namespace {

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// The message of an errno from opening or inspecting `path`, in a user's words where the
// system's are obscure.
std::string problem(const std::filesystem::path& path, int error) {
  switch (error) {
    case ELOOP:
      return path.string() + ": symbolic links loop (a link points back at itself)";
    case ENAMETOOLONG:
      return path.string().substr(0, 200) + "...: the name is too long (" +
             std::to_string(path.string().size()) + " characters)";
    case ENOTDIR:
      return path.string() + ": a part of the path is a file, not a folder";
    default:
      return path.string() + ": " + std::strerror(error);
  }
}

// Throws FileError when `path` is a symbolic link whose target does not exist.
void check_not_dangling(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::symlink_status(path, error);
  if (error || !std::filesystem::is_symlink(status)) return;
  const auto target = std::filesystem::read_symlink(path, error);
  throw FileError(path.string() + ": is a symbolic link to " +
                  (error ? std::string("a target") : quoted(target)) + ", which does not exist");
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

std::string describe_file_type(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return "a regular file";
    case S_IFDIR:
      return "a folder";
    case S_IFIFO:
      return "a named pipe (FIFO)";
    case S_IFSOCK:
      return "a socket";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    default:
      return "not a regular file";
  }
}

Presence presence(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return Presence::kPresent;
  const int error = errno;
  if (error == ENOENT) {
    check_not_dangling(path);
    return Presence::kAbsent;
  }
  throw FileError(problem(path, error));
}

void check_folder(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT) {
      check_not_dangling(path);
      throw FileError(path.string() + ": no such folder");
    }
    throw FileError(problem(path, error));
  }
  if (!S_ISDIR(info.st_mode)) {
    throw FileError(path.string() + ": is " + describe_file_type(info.st_mode) + ", not a folder");
  }
}

UniqueFd open_regular(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO without a writer must not wait; it is refused below anyway.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT) check_not_dangling(path);
    throw FileError(problem(path, error));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw FileError(problem(path, errno));
  if (!S_ISREG(info.st_mode)) {
    throw FileError(path.string() + ": is " + describe_file_type(info.st_mode) +
                    ", not a regular file");
  }
  // Reads of a regular file never block; clear the flag so they behave as usual anyway.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  return fd;
}

std::string read_regular(const std::filesystem::path& path) {
  const UniqueFd fd = open_regular(path);
  std::string text;
  char block[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd.get(), block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw FileError(problem(path, errno));
    if (n == 0) break;
    text.append(block, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace meetlat::io
