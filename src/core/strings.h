// Small string helpers shared by every module (UTF-8 aware where it matters).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace loket {

std::vector<std::string> Split(std::string_view text, char sep);
std::string_view Trim(std::string_view text);
// Every run of spaces as one space ("a   b" → "a b"); other characters as
// they are.
std::string CollapseSpaces(std::string_view text);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// A slug is lower-case ASCII letters, digits and single hyphens: safe in URLs.
bool IsSlug(std::string_view text);
// ASCII letters in lower or upper case; other bytes (UTF-8 included) as
// they are.
std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);
// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace loket
