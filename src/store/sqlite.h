// A thin RAII layer over the SQLite C API for the SQLite back end (sqlite_backend.cc): a
// connection, prepared statements with bound parameters, and errors as StoreError naming the
// database file and what was being done. Nothing above src/store/ sees it.
//
// Statements are always prepared and bound, never built from values by string concatenation.
// A Database is used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "store/store_error.h"

namespace meetlat::store::sqlite {

class Database {
 public:
  // Opens (`create`: creates when absent) the database at `path`, with the pragmas the
  // workspace relies on: WAL, synchronous=FULL, foreign keys, a 10 s busy timeout.
  Database(const std::filesystem::path& path, bool create);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs statements without parameters or results (schema, BEGIN/COMMIT, pragmas).
  void exec(std::string_view sql);
  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }
  // Throws StoreError "PATH: WHAT: sqlite's message" for a result code that is an error.
  void check(int code, std::string_view what) const;

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds parameter `index` (1-based). Text and blobs are copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  // Not copied: `bytes` must stay as they are until the statement is reset or destroyed (a
  // segment is hundreds of megabytes).
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // Steps once: true when a row is ready (read it with the column accessors), false when done.
  bool step();
  // Steps to the end of a statement that returns no rows.
  void run();
  // Ready to run again with new bindings.
  void reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  std::string blob(int column) const;
  bool is_null(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

}  // namespace meetlat::store::sqlite
