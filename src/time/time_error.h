// The exception type of the time module, for operations that cannot go on (an unknown zone, an
// instant outside a calendar's horizon). Bad user input is reported through ParseError instead.
#pragma once

#include <stdexcept>
#include <string>

namespace meetlat::time {

class TimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace meetlat::time
