// What the workspace throws when it cannot do what it was asked: a database that cannot be opened
// or written, a workspace made by a newer meetlat, a folder that is not a workspace. The message
// names the workspace (its path) and says what to do where there is something to do.
#pragma once

#include <stdexcept>
#include <string>

namespace meetlat::store {

class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace meetlat::store
