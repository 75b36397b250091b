#include "oidc/internal/json.h"

namespace loket::oidc::internal {

std::optional<nlohmann::json> ParseJson(std::string_view text) {
  bool too_deep = false;
  // The parser keeps its own stack, so deep input cannot overflow ours;
  // the limit is for what later code walks recursively.
  auto limit = [&too_deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxJsonDepth) too_deep = true;
    return !too_deep;
  };
  nlohmann::json value = nlohmann::json::parse(text.begin(), text.end(), limit,
                                               /*allow_exceptions=*/false);
  if (too_deep || value.is_discarded()) return std::nullopt;
  return value;
}

}  // namespace loket::oidc::internal
