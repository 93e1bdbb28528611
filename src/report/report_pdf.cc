#include "report/report_pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace meetlat::report {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A temporary folder removed with its contents when it goes out of scope.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "meetlat-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("PDF: cannot make a temporary folder: " +
                               std::string(std::strerror(errno)));
    }
    path_ = pattern;
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs `argv` with stdout and stderr into `log`; its exit status, or -1 after killing it at
// `limit`.
int run_with_limit(const std::vector<std::string>& argv, const fs::path& log,
                   std::chrono::seconds limit) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));  // POSIX is not const
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("PDF: cannot start " + argv[0] + ": " + std::strerror(spawned));
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

fs::path chromium_path() {
  const char* chosen = std::getenv("MEETLAT_CHROMIUM");
  return chosen != nullptr && *chosen != '\0' ? fs::path(chosen) : fs::path("/usr/bin/chromium");
}

std::string print_pdf(std::string_view html, std::chrono::seconds limit) {
  const fs::path chromium = chromium_path();
  if (!fs::is_regular_file(chromium) || access(chromium.c_str(), X_OK) != 0) {
    throw PrinterMissing("PDF needs Chromium, which is not installed at " + chromium.string() +
                         " (Debian: apt-get install chromium; or set MEETLAT_CHROMIUM)");
  }
  const TempFolder temp;
  const fs::path page = temp.path() / "report.html";
  const fs::path pdf = temp.path() / "report.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) throw std::runtime_error("PDF: cannot write " + page.string());
  }
  const std::vector<std::string> argv = {chromium.string(),
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--disable-quic",
                                         "--no-first-run",
                                         "--disable-background-networking",
                                         "--disable-component-update",
                                         "--disable-sync",
                                         "--no-pdf-header-footer",
                                         "--user-data-dir=" + (temp.path() / "profile").string(),
                                         "--print-to-pdf=" + pdf.string(),
                                         "file://" + page.string()};
  const fs::path log = temp.path() / "chromium.log";
  const int status = run_with_limit(argv, log, limit);
  std::string bytes = fs::exists(pdf) ? read_all(pdf) : std::string();
  if (status != 0 || bytes.rfind("%PDF", 0) != 0) {
    std::string output = read_all(log);
    if (output.size() > 2000) output = output.substr(output.size() - 2000);
    throw std::runtime_error(
        "PDF: Chromium " +
        (status == -1 ? "did not finish within " + std::to_string(limit.count()) + " s"
                      : "exited with status " + std::to_string(status) + " without a PDF") +
        (output.empty() ? "" : ":\n" + output));
  }
  return bytes;
}

}  // namespace meetlat::report
