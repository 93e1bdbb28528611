#include "io/atomic_write.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace meetlat::io {
namespace {

namespace fs = std::filesystem;

std::string text_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

class AtomicWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("meetlat_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AtomicWriteTest, WritesAndReplacesAFileLeavingNothingElse) {
  write_file_atomically(dir_ / "actions.csv", "first\n");
  write_file_atomically(dir_ / "actions.csv", "second\n");
  EXPECT_EQ(text_of(dir_ / "actions.csv"), "second\n");
  EXPECT_EQ(entries(dir_), 1U);
}

// A file size limit (RLIMIT_FSIZE, which binds root too) makes writes fail as a full disk does.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_)(int) = nullptr;
};

TEST_F(AtomicWriteTest, AWriteThatFailsIsAnErrorAndTheOldFileStays) {
  write_file_atomically(dir_ / "actions.csv", "old\n");
  {
    const FileSizeLimit limit(8);
    EXPECT_THROW(write_file_atomically(dir_ / "actions.csv", std::string(100, 'x')), FileError);
  }
  EXPECT_EQ(text_of(dir_ / "actions.csv"), "old\n");
  EXPECT_EQ(entries(dir_), 1U);
}

TEST_F(AtomicWriteTest, AFolderAppearsWholeOrNotAtAll) {
  const fs::path out = dir_ / "sample";
  replace_folder_atomically(out, [](const fs::path& d) { std::ofstream(d / "a.csv") << "1\n"; });
  EXPECT_EQ(text_of(out / "a.csv"), "1\n");
  // A fill that fails half-way leaves the previous folder as it was and no temporary behind.
  EXPECT_THROW(replace_folder_atomically(out,
                                         [](const fs::path& d) {
                                           std::ofstream(d / "a.csv") << "cut";
                                           throw std::runtime_error("killed");
                                         }),
               std::runtime_error);
  EXPECT_EQ(text_of(out / "a.csv"), "1\n");
  EXPECT_EQ(entries(dir_), 1U);
  // A fill that succeeds replaces the whole folder: files of the old one are gone.
  replace_folder_atomically(out, [](const fs::path& d) { std::ofstream(d / "b.csv") << "2\n"; });
  EXPECT_FALSE(fs::exists(out / "a.csv"));
  EXPECT_EQ(text_of(out / "b.csv"), "2\n");
  EXPECT_EQ(entries(dir_), 1U);
}

}  // namespace
}  // namespace meetlat::io
