#include "store/large_buffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

namespace meetlat::store {
namespace {

// A buffer holds what is written into it, at every size (below and above the huge-page size).
TEST(LargeBuffer, HoldsWhatIsWrittenIntoIt) {
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{4096},
                                 (std::size_t{2} << 20) - 1, (std::size_t{5} << 20) + 3}) {
    LargeBuffer buffer(size);
    ASSERT_EQ(buffer.size(), size);
    for (std::size_t i = 0; i < size; ++i) buffer.data()[i] = static_cast<char>(i % 251);
    const std::string_view view = buffer.view();
    ASSERT_EQ(view.size(), size);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < size; ++i) wrong += view[i] != static_cast<char>(i % 251) ? 1 : 0;
    EXPECT_EQ(wrong, 0U) << size;
  }
}

// A buffer moves: its bytes go with it.
TEST(LargeBuffer, MovesItsBytes) {
  LargeBuffer first(3 << 20);
  std::fill_n(first.data(), first.size(), 'x');
  LargeBuffer second = std::move(first);
  EXPECT_EQ(second.size(), std::size_t{3} << 20);
  EXPECT_EQ(std::count(second.view().begin(), second.view().end(), 'x'),
            static_cast<std::ptrdiff_t>(std::size_t{3} << 20));
}

}  // namespace
}  // namespace meetlat::store
