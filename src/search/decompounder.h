// Splits Dutch compound words into their parts ("informatiebeveiliging" →
// "informatie", "beveiliging"; "beveiligingsincidenten" → "beveiliging",
// "incidenten"), so that a search for the parts finds the compound and the
// other way round. Parts are checked against the hunspell-nl dictionary.
// Thread-safety: Split() may be called from many threads (the dictionary
// is used under a lock, results are cached).
#pragma once

#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace loket::search {

class Decompounder {
 public:
  // `dictionary` is the path without extension (".aff" and ".dic" are
  // added), e.g. /usr/share/hunspell/nl. Null when the files are missing.
  static std::unique_ptr<Decompounder> Open(const std::filesystem::path& dictionary);
  ~Decompounder();

  // The parts of a lower-case word, or nothing when it is no compound (or
  // too short to be one).
  std::vector<std::string> Split(std::string_view word);

  // Whether the dictionary lists a lower-case word as a word of its own
  // (one stem, no parts: "maatregelen", "minister"; "Nederland" with its
  // capital) rather than forming it from parts by its compounding rules
  // ("klimaatfinanciering"). Words of their own are often no compounds to
  // the people who use them, however they split ("mini" + "ster").
  bool Listed(std::string_view word);

 private:
  explicit Decompounder(std::unique_ptr<Hunspell> hunspell);
  bool IsWord(const std::string& word);  // under mu_
  void TrimCachesLocked();               // under mu_
  std::vector<std::string> SplitLocked(const std::string& word, int depth);

  std::mutex mu_;
  std::unique_ptr<Hunspell> hunspell_;
  std::unordered_map<std::string, bool> words_;
  std::unordered_map<std::string, bool> listed_;
  std::unordered_map<std::string, std::vector<std::string>> splits_;
};

// The parts of a Dutch word to search for: those the decompounder finds,
// but for a word the dictionary lists as a word of its own only when its
// parts are more common in the corpus than the word itself (Koehn and
// Knight's test: the geometric mean of the parts' document frequencies,
// each plus one, above the word's). "sanctiepakketten" still gives
// "sanctie" and "pakketten"; "maatregelen" no longer gives "maat" and
// "regelen", nor "minister" "mini" and "ster".
template <typename DocFreq>
std::vector<std::string> CompoundParts(Decompounder& decompounder, const std::string& word,
                                       const DocFreq& doc_freq) {
  std::vector<std::string> parts = decompounder.Split(word);
  if (parts.empty() || !decompounder.Listed(word)) return parts;
  double log_mean = 0;
  for (const std::string& part : parts) log_mean += std::log(doc_freq(part) + 1.0);
  log_mean /= static_cast<double>(parts.size());
  if (log_mean > std::log(doc_freq(word) + 1.0)) return parts;
  return {};
}

}  // namespace loket::search
