// Writing what meetlat produces so that a reader never sees half of it and no error is lost.
//
// A file is written to a temporary name beside it, flushed to disk, checked and renamed into
// place; a folder is filled under a temporary name beside it and then swapped into place in one
// step. On any failure the temporary is removed, the previous file or folder is left as it was,
// and FileError says what went wrong (a full disk, a folder that cannot be written).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "io/file_error.h"

namespace meetlat::io {

// Replaces (or creates) `path` with exactly `bytes`.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Creates a fresh temporary folder beside `target`, calls `fill` with it, makes its files
// durable and then puts it in place of `target`: absent before, `target` appears whole; present,
// the two are exchanged in one rename and the old contents are removed. `fill` may throw; the
// temporary folder is then removed and the exception goes on. A temporary folder that an earlier
// call left beside `target` when its process was killed is removed first.
void replace_folder_atomically(const std::filesystem::path& target,
                               const std::function<void(const std::filesystem::path&)>& fill);

}  // namespace meetlat::io
