// Languages of the public site and a pair of texts, one per language.
// Thread-safety: value types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace loket {

enum class Lang { kNl, kEn };

inline std::string_view LangCode(Lang lang) { return lang == Lang::kNl ? "nl" : "en"; }
// The other of the two languages: where a page's language switch leads.
inline Lang OtherLang(Lang lang) { return lang == Lang::kNl ? Lang::kEn : Lang::kNl; }
std::optional<Lang> ParseLang(std::string_view code);

// A text in Dutch and English. Dutch is the source language: where the
// English text is missing, readers see the Dutch one.
struct Text {
  std::string nl;
  std::string en;

  const std::string& In(Lang lang) const { return lang == Lang::kEn && !en.empty() ? en : nl; }
  bool operator==(const Text&) const = default;
};

}  // namespace loket
