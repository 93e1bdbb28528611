#include "io/atomic_write.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#include "io/regular_file.h"

namespace meetlat::io {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, std::string_view doing, int error) {
  throw FileError("cannot " + std::string(doing) + " " + path.string() + ": " +
                  std::strerror(error));
}

// A name beside `path` no other writer uses: hidden, with the process id and a counter.
fs::path temporary_beside(const fs::path& path, std::string_view kind) {
  static std::atomic<unsigned> counter{0};
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  return parent / ("." + path.filename().string() + "." + std::string(kind) + "-" +
                   std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Flushes the file or folder `path` to disk.
void sync_path(const fs::path& path, int flags) {
  const UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail(path, "flush", errno);
}

void sync_parent(const fs::path& path) {
  sync_path(path.has_parent_path() ? path.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
}

void write_all(int fd, std::string_view bytes, const fs::path& shown) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(shown, "write", errno);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Puts folder `fresh` in place of `target` (present or not); `fresh` then holds the old contents.
void exchange_folders(const fs::path& fresh, const fs::path& target) {
  if (::rename(fresh.c_str(), target.c_str()) == 0) {
    fs::create_directory(fresh);  // so the caller's clean-up has the same shape either way
    return;
  }
  if (errno != EEXIST && errno != ENOTEMPTY) fail(target, "replace", errno);
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    fail(target, "replace", errno);
  }
}

// Removes the temporary folders that earlier generations of `target` left when they were killed:
// `.NAME.partial-PID-N` beside it whose process no longer runs.
void remove_stale_partials(const fs::path& target) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = "." + target.filename().string() + ".partial-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const pid_t pid = static_cast<pid_t>(std::atol(rest.c_str()));
    if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) fs::remove_all(entry.path(), error);
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path temporary = temporary_beside(path, "tmp");
  try {
    {
      UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
      if (fd.get() < 0) fail(path, "write", errno);
      write_all(fd.get(), bytes, path);
      // A full disk may show only here (delayed allocation) or at close.
      if (::fsync(fd.get()) != 0) fail(path, "write", errno);
      if (::close(fd.release()) != 0) fail(path, "write", errno);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) fail(path, "write", errno);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  sync_parent(path);
}

void replace_folder_atomically(const fs::path& target,
                               const std::function<void(const fs::path&)>& fill) {
  remove_stale_partials(target);
  const fs::path fresh = temporary_beside(target, "partial");
  std::error_code error;
  if (!fs::create_directory(fresh, error) || error) {
    throw FileError("cannot create " + fresh.string() + ": " + error.message());
  }
  try {
    fill(fresh);
    for (const auto& entry : fs::directory_iterator(fresh)) {
      if (entry.is_regular_file()) sync_path(entry.path(), O_RDONLY);
    }
    sync_path(fresh, O_RDONLY | O_DIRECTORY);
    exchange_folders(fresh, target);
    sync_parent(target);
  } catch (...) {
    fs::remove_all(fresh, error);
    throw;
  }
  fs::remove_all(fresh, error);  // the old contents
  if (error) throw FileError("cannot remove " + fresh.string() + ": " + error.message());
}

}  // namespace meetlat::io
