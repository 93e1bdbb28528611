#include "store/sqlite.h"

#include <limits>

namespace meetlat::store::sqlite {

Database::Database(const std::filesystem::path& path, bool create) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(path.string() + ": cannot open the workspace database: " + message);
  }
  check(sqlite3_busy_timeout(db_, 10'000), "setting the busy timeout");
  // Pages of 64 KiB (the largest; it takes effect only in a database still empty, so a workspace
  // keeps the size it was made with): a month's segment of 170 MB is 2,600 pages to write to the
  // log and then to the database, not 41,000.
  exec(
      "PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
      "PRAGMA foreign_keys=ON;");
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    const std::string why = message != nullptr ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw StoreError(path_.string() + ": " + text.substr(0, 40) + ": " + why);
  }
}

void Database::check(int code, std::string_view what) const {
  if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
  throw StoreError(path_.string() + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement::Statement(Database& db, std::string_view sql) : db_(db), sql_(sql) {
  db_.check(sqlite3_prepare_v2(db_.handle(), sql_.c_str(), static_cast<int>(sql_.size()), &stmt_,
                               nullptr),
            "preparing " + sql_);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  db_.check(sqlite3_bind_int64(stmt_, index, value), "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  db_.check(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      "binding a text");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  db_.check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC),
            "binding a blob");
  return *this;
}

Statement& Statement::bind_null(int index) {
  db_.check(sqlite3_bind_null(stmt_, index), "binding null");
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(stmt_);
  db_.check(code, "running " + sql_.substr(0, 60));
  return code == SQLITE_ROW;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (bytes == nullptr) return {};
  return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

std::string Statement::blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (bytes == nullptr) return {};
  return {static_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace meetlat::store::sqlite
