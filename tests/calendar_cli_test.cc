// `meetlat calendar deadline` and `calendar holidays` through the real binary on every shape of
// calendar a contract can state (tests/contracts/calendars.yaml): the worked examples of
// docs/calendars.md, its `$ meetlat ...` commands run as written, and the messages for an unknown
// calendar and a fractional duration.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "run_meetlat.h"

namespace fs = std::filesystem;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

class CalendarCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_calendar_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    scratch_ = new fs::path(pattern);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*scratch_);
    delete scratch_;
  }
  static RunResult run(const std::string& args) {
    return run_meetlat(args + " --contract " + std::string(MEETLAT_CALENDARS_CONTRACT), *scratch_);
  }
  // The deadline printed for "within `within` of `from` on `on`", or the error.
  static std::string deadline(const std::string& from, const std::string& within,
                              const std::string& on) {
    const RunResult r =
        run("calendar deadline --from \"" + from + "\" --within " + within + " --on " + on);
    return r.exit_code == 0 ? r.out : "exit " + std::to_string(r.exit_code) + ": " + r.err;
  }
  static fs::path* scratch_;
};

fs::path* CalendarCli::scratch_ = nullptr;

// The table "Examples of the other shapes" in docs/calendars.md, worked out there by hand.
TEST_F(CalendarCli, AnswersOnEveryShape) {
  // Hours per weekday: 1 h Friday, 2 h Saturday.
  EXPECT_EQ(deadline("2026-10-16 17:00", "3h", "service_desk"), "2026-10-17T11:00:00+02:00\n");
  // A weekday set: Tuesday closed.
  EXPECT_EQ(deadline("2026-10-19 16:00", "2h", "field_service"), "2026-10-21T10:00:00+02:00\n");
  // A night shift into a holiday morning counts; none starts on Hemelvaartsdag.
  EXPECT_EQ(deadline("2026-05-13 23:00", "8h", "night_watch"), "2026-05-15T23:00:00+02:00\n");
  // A yearly closure (24 Dec from 12:00), two holidays, an extra open Sunday.
  EXPECT_EQ(deadline("2026-12-24 10:00", "3h", "go_live"), "2026-12-27T11:00:00+01:00\n");
  // A range of closed days (28–31 Dec) with the weekend and Nieuwjaarsdag.
  EXPECT_EQ(deadline("2026-12-24 10:00", "3h", "office_hours"), "2027-01-04T09:00:00+01:00\n");
  // N working days on a calendar with its own days: the end of the N-th day a range starts on.
  EXPECT_EQ(deadline("2026-10-16 10:00", "\"1 working days\"", "service_desk"),
            "2026-10-18T00:00:00+02:00\n");
  EXPECT_EQ(deadline("2026-10-16 10:00", "\"1 working days\"", "night_watch"),
            "2026-10-20T00:00:00+02:00\n");
}

// Every "$ meetlat ..." line of docs/calendars.md, run as written (calendars.yaml is this
// folder's), prints the line that follows it.
TEST_F(CalendarCli, DocsCommandsPrintWhatTheDocsSay) {
  std::istringstream doc(read_file(MEETLAT_CALENDARS_DOC));
  std::string line;
  std::string command;
  int checked = 0;
  while (std::getline(doc, line)) {
    if (!command.empty()) {
      std::string args = command.substr(std::string("$ meetlat ").size());
      const std::string contract = " --contract calendars.yaml";
      if (const std::size_t at = args.find(contract); at != std::string::npos) {
        args.erase(at, contract.size());
        EXPECT_EQ(run(args).out, line + "\n") << command;
      } else {
        EXPECT_EQ(run_meetlat(args, *scratch_).out, line + "\n") << command;
      }
      ++checked;
      command.clear();
    }
    if (line.starts_with("$ meetlat ")) command = line;
  }
  EXPECT_EQ(checked, 4);
}

TEST_F(CalendarCli, UnknownCalendarListsTheContractsCalendars) {
  const RunResult r =
      run("calendar deadline --from 2026-10-16T10:00:00+02:00 --within 1h --on "
          "nightwatch");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no calendar \"nightwatch\"; its calendars: 24x7, every_night, "
                       "field_service, go_live, night_watch, office_hours, service_desk, "
                       "working_days"),
            std::string::npos)
      << r.err;
}

TEST_F(CalendarCli, WithoutOnListsTheContractsCalendars) {
  const RunResult r = run("calendar deadline --from 2026-10-16T10:00:00+02:00 --within 1h");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--on: name a calendar of the contract: 24x7, every_night, field_service, "
                       "go_live, night_watch, office_hours, service_desk, working_days"),
            std::string::npos)
      << r.err;
  // The default contract's, without --contract.
  const RunResult d =
      run_meetlat("calendar deadline --from 2026-10-16T10:00:00+02:00 --within 1h", *scratch_);
  EXPECT_NE(d.err.find("24x7, office_hours, peak_hours, working_days\n"), std::string::npos)
      << d.err;
}

TEST_F(CalendarCli, FractionalDurationsAreRefusedWithTheSpellingToUse) {
  const std::string hours = deadline("2026-10-16 10:00", "1.5h", "office_hours");
  EXPECT_NE(hours.find("write \"1h30m\" for \"1.5h\""), std::string::npos) << hours;
  const std::string days = deadline("2026-10-16 10:00", "\"0.5 working days\"", "office_hours");
  EXPECT_NE(days.find("working days are whole days"), std::string::npos) << days;
  // Seconds may carry a fraction: 1.5 s after 10:00.
  EXPECT_EQ(deadline("2026-10-16 10:00", "1.5s", "office_hours"),
            "2026-10-16T10:00:01.500+02:00\n");
}

TEST_F(CalendarCli, HolidaysListRangesAndYearlyEntries) {
  const RunResult r = run("calendar holidays --year 2027");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2027-12-24 Kerstavond (closed 12:00-24:00)\n"), std::string::npos);
  EXPECT_NE(r.out.find("2027-12-31 Oudejaarsdag\n"), std::string::npos);
  EXPECT_EQ(r.out.find("Kerstsluiting"), std::string::npos);  // 2026 only
  const RunResult y2026 = run("calendar holidays --year 2026");
  for (const char* day : {"2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"}) {
    EXPECT_NE(y2026.out.find(std::string(day) + " Kerstsluiting\n"), std::string::npos) << day;
  }
}

}  // namespace
