// Runs independent pieces of work on the machine's cores: parallel_for(n, work) calls work(i) once
// for every i in [0, n) on the executor of the calling thread (executor.h: the one a
// ScopedExecutor installed, else the process's shared one), the caller's thread among those that
// work, and returns when all are done. Nested calls share the same bounded pool of threads.
//
// The work items must not depend on each other or on the order they run in; each writes only its
// own output (results stay deterministic). An exception thrown by work() stops the remaining
// items from starting and is rethrown to the caller (the first one, when several throw).
#pragma once

#include <cstddef>
#include <functional>

namespace meetlat::parallel {

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& work);

// Rows [0, rows) cut into pieces of `size` rows (the last one shorter), the unit of work of a
// parallel pass over a table: count() pieces, piece p holding rows [begin(p), end(p)). Zero rows
// make zero pieces.
struct Pieces {
  std::size_t rows = 0;
  std::size_t size = 1;

  std::size_t count() const { return (rows + size - 1) / size; }
  std::size_t begin(std::size_t p) const { return p * size; }
  std::size_t end(std::size_t p) const { return p * size + size < rows ? p * size + size : rows; }
};

}  // namespace meetlat::parallel
