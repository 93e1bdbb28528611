// The error of a file that cannot be read or written as asked: its message names the path and
// says what is wrong in words a user can act on ("is a named pipe (FIFO), not a regular file",
// "is a symbolic link to 'x', which does not exist", "changed while it was read").
#pragma once

#include <stdexcept>

namespace meetlat::io {

class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace meetlat::io
