#include "search/decompounder.h"

#include <algorithm>
#include <cctype>
#include <hunspell/hunspell.hxx>

namespace loket::search {
namespace {

// Parts shorter than this are not split off: "paspoort" is no "pas" +
// "poort" to the people searching for it.
constexpr size_t kMinPartChars = 4;
constexpr size_t kMinCompoundChars = 2 * kMinPartChars;
// Compounds of compounds: "beveiligingsincidentenregistratie" splits twice.
constexpr int kMaxDepth = 2;
// Caches are cleared when they grow past this (queries bring new words).
constexpr size_t kMaxCached = 200000;

// Byte offsets of the code points of a UTF-8 string.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

bool IsLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z');
  });
}

}  // namespace

std::unique_ptr<Decompounder> Decompounder::Open(const std::filesystem::path& dictionary) {
  std::string aff = dictionary.string() + ".aff";
  std::string dic = dictionary.string() + ".dic";
  std::error_code ec;
  if (!std::filesystem::exists(aff, ec) || !std::filesystem::exists(dic, ec)) return nullptr;
  return std::unique_ptr<Decompounder>(
      new Decompounder(std::make_unique<Hunspell>(aff.c_str(), dic.c_str())));
}

Decompounder::Decompounder(std::unique_ptr<Hunspell> hunspell) : hunspell_(std::move(hunspell)) {}
Decompounder::~Decompounder() = default;

bool Decompounder::IsWord(const std::string& word) {
  auto it = words_.find(word);
  if (it != words_.end()) return it->second;
  bool known = hunspell_->spell(word);
  words_.emplace(word, known);
  return known;
}

void Decompounder::TrimCachesLocked() {
  if (words_.size() > kMaxCached || splits_.size() > kMaxCached || listed_.size() > kMaxCached) {
    words_.clear();
    splits_.clear();
    listed_.clear();
  }
}

std::vector<std::string> Decompounder::Split(std::string_view word) {
  if (word.size() < kMinCompoundChars || !IsLetters(word)) return {};
  std::lock_guard lock(mu_);
  TrimCachesLocked();
  return SplitLocked(std::string(word), 0);
}

bool Decompounder::Listed(std::string_view word) {
  if (word.empty() || !IsLetters(word)) return false;
  std::lock_guard lock(mu_);
  TrimCachesLocked();
  std::string lower(word);
  if (auto it = listed_.find(lower); it != listed_.end()) return it->second;
  // Hunspell's analysis of a listed word is its stem ("st:"); of a word
  // formed from parts, the parts ("pa:"). Names are listed with a capital.
  auto listed_as = [&](const std::string& form) {
    std::vector<std::string> analyses = hunspell_->analyze(form);
    return !analyses.empty() && std::all_of(analyses.begin(), analyses.end(), [](const auto& a) {
      return a.find("st:") != std::string::npos && a.find("pa:") == std::string::npos;
    });
  };
  std::string capitalised = lower;
  capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
  bool listed = listed_as(lower) || listed_as(capitalised);
  listed_.emplace(std::move(lower), listed);
  return listed;
}

std::vector<std::string> Decompounder::SplitLocked(const std::string& word, int depth) {
  if (depth == 0) {
    if (auto it = splits_.find(word); it != splits_.end()) return it->second;
  }
  std::vector<size_t> starts = CodePointStarts(word);
  std::vector<std::string> best;
  size_t best_balance = 0;
  if (starts.size() >= kMinCompoundChars) {
    // Every split point with a known word on both sides; the left part may
    // end in a linking "s" or "en"/"e" ("beveiligings-", "boeken-"). The
    // most even split wins: it is the least likely to be a fluke.
    for (size_t i = kMinPartChars; i + kMinPartChars <= starts.size(); ++i) {
      std::string right = word.substr(starts[i]);
      if (!IsWord(right)) continue;
      std::string left = word.substr(0, starts[i]);
      std::string head;
      for (std::string candidate :
           {left, left.ends_with("s") ? left.substr(0, left.size() - 1) : "",
            left.ends_with("en") ? left.substr(0, left.size() - 2) : ""}) {
        if (candidate.size() >= kMinPartChars && IsWord(candidate)) {
          head = candidate;
          break;
        }
      }
      if (head.empty()) continue;
      size_t balance = std::min(i, starts.size() - i);
      if (balance > best_balance) {
        best_balance = balance;
        best = {head, right};
      }
    }
  }
  if (!best.empty() && depth + 1 < kMaxDepth) {
    std::vector<std::string> parts;
    for (const std::string& part : best) {
      std::vector<std::string> sub = SplitLocked(part, depth + 1);
      if (sub.empty()) {
        parts.push_back(part);
      } else {
        parts.insert(parts.end(), sub.begin(), sub.end());
      }
    }
    best = std::move(parts);
  }
  if (depth == 0) splits_.emplace(word, best);
  return best;
}

}  // namespace loket::search
