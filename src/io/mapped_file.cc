#include "io/mapped_file.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace meetlat::io {
namespace {

// The mappings guarded against SIGBUS. A slot is claimed under the mutex and read by the signal
// handler with atomics only (async-signal-safe).
struct GuardSlot {
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
  std::atomic<bool> truncated{false};
};
constexpr int kGuardSlots = 64;
std::array<GuardSlot, kGuardSlots> guard_slots;
std::mutex guard_mutex;
struct sigaction previous_sigbus {};

// On SIGBUS inside a guarded mapping: the pages from the faulting one to the end of the mapping
// become zero-filled anonymous memory (the file's end moved before them), the slot is marked, and
// the faulting read is retried. Elsewhere: the previous disposition is restored, so the signal
// raised again by the retried instruction has its usual effect.
void on_sigbus(int signal, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  for (GuardSlot& slot : guard_slots) {
    const std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    const std::uintptr_t end = slot.end.load(std::memory_order_acquire);
    if (begin == 0 || address < begin || address >= end) continue;
    const std::uintptr_t from = address / page * page;
    const std::uintptr_t to = (end + page - 1) / page * page;
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the address is that of our own mapping
    void* at = reinterpret_cast<void*>(from);
    if (::mmap(at, to - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
        MAP_FAILED) {
      break;
    }
    slot.truncated.store(true, std::memory_order_release);
    return;
  }
  ::sigaction(SIGBUS, &previous_sigbus, nullptr);
  (void)signal, (void)context;
}

int guard(const char* begin, std::size_t size) {
  static std::once_flag installed;
  std::call_once(installed, [] {
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &previous_sigbus);
  });
  const std::lock_guard lock(guard_mutex);
  for (int i = 0; i < kGuardSlots; ++i) {
    GuardSlot& slot = guard_slots[static_cast<std::size_t>(i)];
    if (slot.begin.load(std::memory_order_relaxed) != 0) continue;
    slot.truncated.store(false, std::memory_order_relaxed);
    slot.end.store(reinterpret_cast<std::uintptr_t>(begin) + size, std::memory_order_release);
    slot.begin.store(reinterpret_cast<std::uintptr_t>(begin), std::memory_order_release);
    return i;
  }
  return -1;  // every slot taken: the caller reads the file instead of mapping it
}

void unguard(int i) {
  const std::lock_guard lock(guard_mutex);
  GuardSlot& slot = guard_slots[static_cast<std::size_t>(i)];
  slot.begin.store(0, std::memory_order_release);
  slot.end.store(0, std::memory_order_release);
}

bool same_file_state(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ino == b.st_ino;
}

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) : path_(path), fd_(open_regular(path)) {
  if (::fstat(fd_.get(), &opened_) != 0) {
    throw FileError("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  size_ = static_cast<std::size_t>(opened_.st_size);
  if (size_ > 0) {
    void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_.get(), 0);
    if (map != MAP_FAILED) {
      guard_slot_ = guard(static_cast<const char*>(map), size_);
      if (guard_slot_ >= 0) {
        ::madvise(map, size_, MADV_SEQUENTIAL);
        mapped_ = static_cast<char*>(map);
        return;
      }
      ::munmap(map, size_);
    }
  }
  bytes_ = std::make_unique_for_overwrite<char[]>(size_ + 1);
  std::size_t done = 0;
  while (done < size_) {
    const ssize_t n = ::read(fd_.get(), bytes_.get() + done, size_ - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw FileError("cannot read " + path.string() + ": " + std::strerror(errno));
    if (n == 0) break;  // the file shrank while reading: check_unchanged() says so
    done += static_cast<std::size_t>(n);
  }
  size_ = done;
}

MappedFile::~MappedFile() {
  if (mapped_ == nullptr) return;
  ::munmap(mapped_, size_);
  unguard(guard_slot_);
}

std::string_view MappedFile::text() const {
  return {mapped_ != nullptr ? mapped_ : bytes_.get(), size_};
}

void MappedFile::check_unchanged() const {
  const bool truncated =
      guard_slot_ >= 0 &&
      guard_slots[static_cast<std::size_t>(guard_slot_)].truncated.load(std::memory_order_acquire);
  struct stat now {};
  const bool restat = ::stat(path_.c_str(), &now) == 0;
  if (!truncated && restat && same_file_state(opened_, now)) return;
  std::string message = path_.string() + ": the file changed while it was read (" +
                        std::to_string(opened_.st_size) + " bytes when opened";
  if (restat) message += ", " + std::to_string(now.st_size) + " bytes now";
  throw FileError(message + "); nothing of it was used: read it again once it is complete");
}

}  // namespace meetlat::io
