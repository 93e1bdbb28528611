#include "report/text_columns.h"

#include <algorithm>
#include <stdexcept>

namespace meetlat::report {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

TextColumns::TextColumns(std::vector<std::string> header, std::vector<Align> align)
    : header_(std::move(header)), align_(std::move(align)) {
  align_.resize(header_.size(), Align::kLeft);
}

void TextColumns::row(std::vector<std::string> cells) {
  if (cells.size() > header_.size()) {
    throw std::invalid_argument("a row of " + std::to_string(cells.size()) +
                                " cells in a table of " + std::to_string(header_.size()) +
                                " columns");
  }
  cells.resize(header_.size());
  entries_.push_back({true, std::move(cells), {}});
}

void TextColumns::line(std::string text) { entries_.push_back({false, {}, std::move(text)}); }

std::string TextColumns::render() const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) widths[i] = display_width(header_[i]);
  for (const Entry& e : entries_) {
    if (!e.is_row) continue;
    for (std::size_t i = 0; i < e.cells.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(e.cells[i]));
    }
  }
  const auto render_row = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::size_t room = widths[i] - display_width(cells[i]);
      if (i > 0) out += "  ";
      if (align_[i] == Align::kRight) out.append(room, ' ');
      out += cells[i];
      if (align_[i] == Align::kLeft) out.append(room, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = render_row(header_);
  for (const Entry& e : entries_) out += e.is_row ? render_row(e.cells) : e.text + "\n";
  return out;
}

}  // namespace meetlat::report
