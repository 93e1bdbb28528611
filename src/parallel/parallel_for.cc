#include "parallel/parallel_for.h"

#include "parallel/executor.h"

namespace meetlat::parallel {

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& work) {
  current_executor().for_each(n, work);
}

}  // namespace meetlat::parallel
