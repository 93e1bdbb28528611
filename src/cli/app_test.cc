// The net under every command (report_escaped, main's catch-all). No input to the real binary is
// known to let an exception escape the commands, so it is tested with the exceptions the issue
// names, thrown here.
#include "cli/app.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace meetlat::cli {
namespace {

template <typename E>
std::string reported(const E& thrown, int* exit_code) {
  std::ostringstream err;
  *exit_code = report_escaped(std::make_exception_ptr(thrown), err);
  return err.str();
}

TEST(ReportEscaped, AStandardExceptionExitsOneWithItsMessage) {
  int code = -1;
  EXPECT_EQ(reported(std::length_error("basic_string::_M_create"), &code),
            "meetlat: error: basic_string::_M_create\n");
  EXPECT_EQ(code, kExitBadInput);
}

TEST(ReportEscaped, AFilesystemErrorNamesThePath) {
  int code = -1;
  const std::filesystem::filesystem_error e("directory iterator cannot open directory",
                                            std::filesystem::path("/data/evidence"),
                                            std::make_error_code(std::errc::permission_denied));
  const std::string message = reported(e, &code);
  EXPECT_EQ(message.rfind("meetlat: error: ", 0), 0U) << message;
  EXPECT_NE(message.find("/data/evidence"), std::string::npos) << message;
  EXPECT_NE(message.find("Permission denied"), std::string::npos) << message;
  EXPECT_EQ(code, kExitBadInput);
}

TEST(ReportEscaped, OutOfMemorySaysSo) {
  int code = -1;
  EXPECT_EQ(reported(std::bad_alloc(), &code), "meetlat: error: out of memory\n");
  EXPECT_EQ(code, kExitBadInput);
}

TEST(ReportEscaped, AnythingElseIsAnUnknownException) {
  int code = -1;
  EXPECT_EQ(reported(42, &code), "meetlat: error: unknown exception\n");
  EXPECT_EQ(code, kExitBadInput);
}

}  // namespace
}  // namespace meetlat::cli
