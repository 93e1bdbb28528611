#include "io/mapped_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace meetlat::io {
namespace {

namespace fs = std::filesystem;

class MappedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() /
            ("meetlat_mapped_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove(path_); }
  fs::path path_;
};

TEST_F(MappedFileTest, MapsAFileAndFindsItUnchanged) {
  std::ofstream(path_) << std::string(100000, 'a');
  const MappedFile file(path_);
  EXPECT_TRUE(file.mapped());
  EXPECT_EQ(file.text(), std::string(100000, 'a'));
  EXPECT_NO_THROW(file.check_unchanged());
}

TEST_F(MappedFileTest, AFileTruncatedWhileReadIsReportedNotFatal) {
  const std::size_t size = 1 << 20;
  std::ofstream(path_) << std::string(size, 'b');
  const MappedFile file(path_);
  ASSERT_TRUE(file.mapped());
  fs::resize_file(path_, 4096);
  // Reading past the new end would raise SIGBUS; the guard turns those pages into zeros.
  std::size_t zeros = 0;
  for (const char c : file.text()) zeros += c == '\0' ? 1 : 0;
  EXPECT_EQ(zeros, size - 4096);
  try {
    file.check_unchanged();
    FAIL() << "a truncated file passed the check";
  } catch (const FileError& e) {
    EXPECT_EQ(std::string(e.what()), path_.string() +
                                         ": the file changed while it was read (1048576 bytes "
                                         "when opened, 4096 bytes now); nothing of it was used: "
                                         "read it again once it is complete");
  }
}

TEST_F(MappedFileTest, AFileThatGrewWhileReadIsReported) {
  std::ofstream(path_) << "id\n1\n";
  const MappedFile file(path_);
  std::ofstream(path_, std::ios::app) << "2\n";
  EXPECT_THROW(file.check_unchanged(), FileError);
}

TEST_F(MappedFileTest, AnEmptyFileIsReadNotMapped) {
  { const std::ofstream empty(path_); }
  const MappedFile file(path_);
  EXPECT_FALSE(file.mapped());
  EXPECT_EQ(file.text(), "");
  EXPECT_NO_THROW(file.check_unchanged());
}

}  // namespace
}  // namespace meetlat::io
