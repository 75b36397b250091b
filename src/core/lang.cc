#include "core/lang.h"

namespace loket {

std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "nl") return Lang::kNl;
  if (code == "en") return Lang::kEn;
  return std::nullopt;
}

}  // namespace loket
