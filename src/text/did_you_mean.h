// Suggestions for misspelt names ("unknown key 'nrom'; did you mean 'norm'?").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace meetlat::text {

// Edit distance with adjacent transpositions counted as one edit (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely typo: at most one edit
// for words up to four characters, two for longer ones, and fewer edits than the word is long.
// Ties go to the earlier candidate.
std::optional<std::string> did_you_mean(std::string_view word,
                                        std::span<const std::string_view> candidates);

}  // namespace meetlat::text
