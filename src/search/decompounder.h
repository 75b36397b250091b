// Splits Dutch compound words into their parts ("informatiebeveiliging" →
// "informatie", "beveiliging"; "beveiligingsincidenten" → "beveiliging",
// "incidenten"), so that a search for the parts finds the compound and the
// other way round. Parts are checked against the hunspell-nl dictionary.
// Thread-safety: Split() may be called from many threads (the dictionary
// is used under a lock, results are cached).
#pragma once

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

}  // namespace loket::search
