#include "contract/source_text.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>

#include "text/utf8.h"

namespace meetlat::contract::detail {
namespace {

constexpr std::size_t kMostReported = 20;  // per kind of problem

// 1-based column of byte `offset` on the line starting at `line_start`, in code points.
int display_column(std::string_view text, std::size_t line_start, std::size_t offset) {
  int column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::string hex_byte(char c) {
  char out[8];
  std::snprintf(out, sizeof out, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return out;
}

// Bytes that are not UTF-8 (the first of each line) and lone CRs.
void check_bytes(std::string_view text, std::string_view file, std::vector<Diagnostic>& out) {
  std::size_t bad_bytes = 0;
  bool lone_cr = false;
  std::size_t line_start = 0;
  for (int line = 1; line_start <= text.size(); ++line) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view content = text.substr(line_start, line_end - line_start);
    const std::size_t cr = content.find('\r');
    if (!lone_cr && cr != std::string_view::npos && cr + 1 < content.size()) {
      lone_cr = true;
      out.push_back({std::string(file), line, display_column(text, line_start, line_start + cr),
                     "a carriage return (CR) without a line feed: the line ends of this file are "
                     "CR only (classic Mac); save it with LF or CRLF line ends"});
    }
    if (const auto bad = text::first_invalid_utf8(content); bad && bad_bytes < kMostReported) {
      ++bad_bytes;
      out.push_back({std::string(file), line, display_column(text, line_start, line_start + *bad),
                     "byte " + hex_byte(content[*bad]) +
                         " is not UTF-8: save the contract as UTF-8 (an editor's \"Save as\" "
                         "offers the encoding)"});
    }
    line_start = line_end + 1;
  }
}

// Reports every anchor and alias; reads events only, so aliases are never expanded.
class AnchorFinder : public YAML::EventHandler {
 public:
  AnchorFinder(std::string_view file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

  void OnDocumentStart(const YAML::Mark&) override { document_ = {}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    seen(mark, true);
    anchored(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    report(mark,
           "an alias (*name) refers to an anchored value; write the value out where it "
           "applies (a contract has no anchors or aliases)");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    seen(mark, false);
    anchored(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    seen(mark, false);
    anchored(mark, anchor);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    seen(mark, false);
    anchored(mark, anchor);
  }
  void OnMapEnd() override {}

  // What the last document held: its first node's place, and whether it was one null only.
  struct Document {
    YAML::Mark first = YAML::Mark::null_mark();
    int nodes = 0;
    bool lone_null = false;
  };
  const Document& document() const { return document_; }
  std::size_t reported() const { return reported_; }
  void report(const YAML::Mark& mark, std::string message) {
    if (reported_++ >= kMostReported) return;
    out_.push_back({std::string(file_), mark.line + 1, mark.column + 1, std::move(message)});
  }

 private:
  void seen(const YAML::Mark& mark, bool null) {
    if (document_.nodes++ == 0) document_.first = mark;
    document_.lone_null = document_.nodes == 1 && null;
  }
  void anchored(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      report(mark,
             "an anchor (&name) marks a value for reuse; a contract has no anchors or "
             "aliases: write each value out where it applies");
    }
  }
  std::string_view file_;
  std::vector<Diagnostic>& out_;
  std::size_t reported_ = 0;
  Document document_;
};

// Also checks that the file is one YAML document (the loader reads only the first) and stops
// where yaml-cpp 0.7 makes no progress: text starting with ',' gives an endless run of empty
// documents at one place (jbeder/yaml-cpp#1040), which YAML::Load reads as an empty file.
bool check_anchors(std::string_view text, std::string_view file, std::vector<Diagnostic>& out) {
  std::istringstream in{std::string(text)};
  AnchorFinder finder(file, out);
  try {
    YAML::Parser parser(in);
    std::optional<AnchorFinder::Document> previous;
    while (parser.HandleNextDocument(finder)) {
      const AnchorFinder::Document& document = finder.document();
      if (previous && previous->lone_null && document.lone_null &&
          previous->first.pos == document.first.pos) {
        const auto at = static_cast<std::size_t>(std::max(document.first.pos, 0));
        finder.report(document.first, "not valid YAML: unexpected " +
                                          (at < text.size() ? "'" + std::string(1, text[at]) + "'"
                                                            : std::string("end of the file")));
        break;
      }
      if (previous && !document.lone_null) {
        finder.report(document.first,
                      "a second YAML document starts here (after a `---` line): a contract "
                      "file holds one document");
        break;
      }
      previous = document;
    }
  } catch (const YAML::Exception&) {
    // Not valid YAML: the loader's own parse reports it with its place.
  }
  return finder.reported() == 0;
}

// The lines of `text` (without their line ends).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(from, end - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    from = end + 1;
  }
  return out;
}

// The column of a double quote that `line` opens and does not close, skipping single-quoted
// text, escaped quotes and a comment; npos when every quote is closed.
std::size_t unclosed_quote(std::string_view line) {
  std::size_t open = std::string_view::npos;
  bool single = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (open != std::string_view::npos) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        open = std::string_view::npos;
      }
    } else if (single) {
      if (c == '\'') single = false;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      break;
    } else if (c == '"') {
      open = i;
    } else if (c == '\'' &&
               (i == 0 || std::string_view(" [{,:").find(line[i - 1]) != std::string_view::npos)) {
      single = true;
    }
  }
  return open;
}

}  // namespace

Diagnostic yaml_syntax_error(std::string_view text, std::string_view file_name, int line,
                             int column, const std::string& message) {
  const std::string file(file_name);
  const std::vector<std::string_view> lines = lines_of(text);
  const auto last = static_cast<std::size_t>(std::max(line, 0));
  for (std::size_t i = 0; i <= last && i < lines.size(); ++i) {
    const std::size_t quote = unclosed_quote(lines[i]);
    if (quote == std::string_view::npos) continue;
    return {file, static_cast<int>(i) + 1, static_cast<int>(quote) + 1,
            "not valid YAML: the quote (\") opened here is not closed on this line"};
  }
  if (last < lines.size()) {
    const std::string_view at = lines[last];
    for (std::size_t i = at.find(": >"); i != std::string_view::npos; i = at.find(": >", i + 1)) {
      const std::size_t gt = i + 2;
      const char next = gt + 1 < at.size() ? at[gt + 1] : ' ';
      if (next == ' ' || next == '-' || next == '+' || (next >= '1' && next <= '9')) continue;
      std::string value(at.substr(gt));
      if (const std::size_t end = value.find_first_of(",}#"); end != std::string::npos) {
        value.resize(end);
      }
      while (!value.empty() && value.back() == ' ') value.pop_back();
      return {file, static_cast<int>(last) + 1, static_cast<int>(gt) + 1,
              "not valid YAML: quote a value that starts with '>': write \"" + value +
                  "\" (unquoted, '>' starts a folded block of text)"};
    }
  }
  return {file, line >= 0 ? line + 1 : 0, line >= 0 ? column + 1 : 0, "not valid YAML: " + message};
}

bool check_source_text(std::string_view text, std::string_view file_name,
                       std::vector<Diagnostic>& out) {
  const std::size_t before = out.size();
  check_bytes(text, file_name, out);
  if (out.size() != before) return false;  // the YAML reader would misread such text
  return check_anchors(text, file_name, out);
}

}  // namespace meetlat::contract::detail
