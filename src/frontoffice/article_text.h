// The text of a knowledge article as the page shows it: paragraphs, lists
// and tables.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace loket::frontoffice {

// The blocks of an article's text, in order, each an object with one of
// "text" (a paragraph, its line breaks kept), "list" ({"items": [...]}: the
// lines that start with "– ") or "table" ({"head": [...], "rows":
// [{"cells": [...]}]}: two or more lines whose columns stand apart by runs
// of two spaces or more; the first is the head), the other two null.
// Paragraphs are separated by blank lines.
nlohmann::json ArticleBlocks(std::string_view text);

}  // namespace loket::frontoffice
