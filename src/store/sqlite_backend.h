// The store interface (backend.h) on an embedded SQLite database: one file, WAL, one writer at
// a time (BEGIN IMMEDIATE, a 10 s busy timeout), readers on a snapshot that a writer never
// blocks. The schema version is SQLite's user_version.
#pragma once

#include <filesystem>
#include <memory>

#include "store/backend.h"

namespace meetlat::store {

// Creates the database at `path` with the current schema. Throws StoreError when it exists.
std::unique_ptr<Backend> create_sqlite_backend(const std::filesystem::path& path);

// Opens the database at `path`: refuses (StoreError) one made by a newer meetlat, migrates an
// older one to the current schema in one transaction.
std::unique_ptr<Backend> open_sqlite_backend(const std::filesystem::path& path);

}  // namespace meetlat::store
