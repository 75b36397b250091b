#include "frontoffice/article_text.h"

#include <string>
#include <vector>

#include "core/strings.h"

namespace loket::frontoffice {
namespace {

using nlohmann::json;

constexpr std::string_view kItem = "– ";

// A table's row: its cells, where runs of two spaces or more part them.
std::vector<std::string> Cells(std::string_view line) {
  std::vector<std::string> cells;
  size_t p = 0;
  while (p < line.size()) {
    size_t gap = line.find("  ", p);
    std::string_view cell = Trim(line.substr(p, gap == std::string_view::npos ? gap : gap - p));
    if (!cell.empty()) cells.emplace_back(cell);
    if (gap == std::string_view::npos) break;
    p = line.find_first_not_of(' ', gap);
    if (p == std::string_view::npos) break;
  }
  return cells;
}

json Block(std::string_view kind, json value) {
  json block = {{"text", nullptr}, {"list", nullptr}, {"table", nullptr}};
  block[std::string(kind)] = std::move(value);
  return block;
}

// The blocks of one paragraph: runs of list items and of table rows, and
// the text between them.
void AddParagraph(std::string_view paragraph, json& out) {
  const std::vector<std::string> lines = Split(paragraph, '\n');
  auto is_row = [&](size_t i) { return i < lines.size() && Cells(lines[i]).size() >= 2; };
  std::string text;
  auto flush_text = [&] {
    if (!Trim(text).empty()) out.push_back(Block("text", std::string(Trim(text))));
    text.clear();
  };
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].starts_with(kItem)) {
      flush_text();
      json items = json::array();
      for (; i < lines.size() && lines[i].starts_with(kItem); ++i) {
        items.push_back(lines[i].substr(kItem.size()));
      }
      out.push_back(Block("list", {{"items", std::move(items)}}));
    } else if (is_row(i) && is_row(i + 1)) {
      flush_text();
      json table = {{"head", Cells(lines[i++])}, {"rows", json::array()}};
      for (; is_row(i); ++i) table["rows"].push_back({{"cells", Cells(lines[i])}});
      out.push_back(Block("table", std::move(table)));
    } else {
      text += (text.empty() ? "" : "\n") + lines[i++];
    }
  }
  flush_text();
}

}  // namespace

json ArticleBlocks(std::string_view text) {
  json out = json::array();
  for (size_t p = 0; p < text.size();) {
    size_t end = text.find("\n\n", p);
    if (end == std::string_view::npos) end = text.size();
    AddParagraph(text.substr(p, end - p), out);
    p = end + 2;
  }
  return out;
}

}  // namespace loket::frontoffice
