#include "io/regular_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace meetlat::io {
namespace {

namespace fs = std::filesystem;

class RegularFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("meetlat_io_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string message_of(const fs::path& p) {
    try {
      read_regular(p);
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST_F(RegularFileTest, ReadsARegularFileAndALinkToOne) {
  std::ofstream(dir_ / "a.csv") << "id\n1\n";
  fs::create_symlink(dir_ / "a.csv", dir_ / "link.csv");
  EXPECT_EQ(read_regular(dir_ / "a.csv"), "id\n1\n");
  EXPECT_EQ(read_regular(dir_ / "link.csv"), "id\n1\n");
  EXPECT_EQ(presence(dir_ / "link.csv"), Presence::kPresent);
}

TEST_F(RegularFileTest, RefusesAFifoWithoutBlocking) {
  ASSERT_EQ(::mkfifo((dir_ / "tickets.csv").c_str(), 0600), 0);
  EXPECT_EQ(message_of(dir_ / "tickets.csv"),
            (dir_ / "tickets.csv").string() + ": is a named pipe (FIFO), not a regular file");
}

TEST_F(RegularFileTest, RefusesAFolder) {
  EXPECT_EQ(message_of(dir_), dir_.string() + ": is a folder, not a regular file");
}

TEST_F(RegularFileTest, ADanglingLinkIsNotAnAbsentFile) {
  fs::create_symlink(dir_ / "gone.csv", dir_ / "tickets.csv");
  EXPECT_THROW(presence(dir_ / "tickets.csv"), FileError);
  EXPECT_EQ(message_of(dir_ / "tickets.csv"),
            (dir_ / "tickets.csv").string() + ": is a symbolic link to '" +
                (dir_ / "gone.csv").string() + "', which does not exist");
  EXPECT_EQ(presence(dir_ / "absent.csv"), Presence::kAbsent);
}

TEST_F(RegularFileTest, ALinkLoopAndALongNameAreNamed) {
  fs::create_symlink(dir_ / "b", dir_ / "a");
  fs::create_symlink(dir_ / "a", dir_ / "b");
  EXPECT_NE(message_of(dir_ / "a").find("symbolic links loop"), std::string::npos);
  EXPECT_THROW(presence(dir_ / "a"), FileError);
  const fs::path long_name = dir_ / std::string(5000, 'x');
  EXPECT_NE(message_of(long_name).find("the name is too long (5"), std::string::npos);
  EXPECT_THROW(presence(long_name), FileError);
}

TEST_F(RegularFileTest, AFolderIsCheckedAsOne) {
  EXPECT_NO_THROW(check_folder(dir_));
  std::ofstream(dir_ / "a.csv") << "x";
  const auto message = [](const fs::path& p) -> std::string {
    try {
      check_folder(p);
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message(dir_ / "a.csv"),
            (dir_ / "a.csv").string() + ": is a regular file, not a folder");
  EXPECT_EQ(message(dir_ / "none"), (dir_ / "none").string() + ": no such folder");
  EXPECT_NE(message(dir_ / std::string(5000, 'd')).find("the name is too long"), std::string::npos);
}

}  // namespace
}  // namespace meetlat::io
