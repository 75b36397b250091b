// JSON from other parties (providers, tokens), parsed with a nesting limit
// on top of the size limits the callers apply.
// Thread-safety: pure function.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace loket::oidc::internal {

constexpr int kMaxJsonDepth = 16;

// Nothing when the text is not JSON or nests deeper than kMaxJsonDepth.
std::optional<nlohmann::json> ParseJson(std::string_view text);

}  // namespace loket::oidc::internal
