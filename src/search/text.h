// Text as the search index reads it, for indexing and for queries alike:
// words as Xapian's tokenizer sees them, the query stop words, the
// stemmers, spelling distances and the marks of a highlighted snippet.
// Thread-safety: pure functions; a Xapian::Stem from MakeStem() is used by
// one thread at a time.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/lang.h"

namespace loket::search {

// Words the stemmers leave as they are (XapianOptions::names).
using NameSet = std::shared_ptr<const std::unordered_set<std::string>>;

// The stemmer for a language's text, leaving the names alone and
// remembering the stems it made. Each thread needs its own: Xapian's
// handles are not thread-safe.
Xapian::Stem MakeStem(Lang lang, const NameSet& names);

struct Token {
  size_t begin = 0;  // byte offsets in the text
  size_t end = 0;
  std::string lower;
  size_t chars = 0;  // code points
  bool has_digit = false;
};

// Words as Xapian's parser and term generator see them (letters, digits,
// marks, connectors, and the characters Xapian keeps inside a word).
std::vector<Token> Tokenize(std::string_view text);

// The names of one word, as the tokenizer lowers them.
NameSet SingleWordNames(const std::vector<std::string>& names);

// Valid UTF-8 without control characters.
std::string Sanitize(std::string_view text);
// The length of the longest prefix of at most max_bytes that ends on a
// character boundary.
size_t Utf8Prefix(std::string_view text, size_t max_bytes);
void TruncateUtf8(std::string& text, size_t max_bytes);
bool HasControl(std::string_view text);
std::u32string ToU32(std::string_view text);

// A boolean operator of the query parser ("AND", "NOT", …).
bool IsOperator(std::string_view word);
// The query text in lower case but for the boolean operators.
std::string LowerForParser(std::string_view text, const std::vector<Token>& tokens);

// A stop word of the queries in one language, or in either.
bool IsStopwordIn(Lang lang, std::string_view word);
bool IsStopword(std::string_view word);
// A query parser's stop words for the language (reference counted).
Xapian::Stopper* NewStopper(Lang lang);

// The rows of the distance table, kept between calls: a scan of the
// dictionary compares a word with thousands of others.
struct EditRows {
  std::vector<size_t> prev2, prev, cur;
};

// Optimal string alignment distance; max_distance + 1 as soon as the
// distance must exceed max_distance.
size_t EditDistance(const std::u32string& a, const std::u32string& b, size_t max_distance,
                    EditRows& rows);
// How many typing mistakes a word of this length may contain and still be
// corrected.
size_t AllowedEdits(size_t chars);

// The marks around a highlighted word in a snippet.
constexpr char kMarkOpen[] = "<mark>";
constexpr char kMarkClose[] = "</mark>";

// The snippet with its stop words unmarked.
std::string UnmarkStopwords(const std::string& snippet);

// What kind of answer a text gives, or a question asks for: an amount of
// money ("€ 90", "45 euro"), a length of time ("vijftien kalenderdagen",
// "6 weeks"), a quantity ("742.000", "17 procent").
enum class AnswerKind { kMoney, kDuration, kQuantity };
// The kinds of answer a text holds.
std::vector<AnswerKind> AnswerKindsIn(std::string_view text);
// The kinds of answer a question asks for ("wat kost …", "hoe lang …",
// "hoeveel …"), by its tokens.
std::vector<AnswerKind> AnswerKindsAsked(const std::vector<Token>& tokens);

}  // namespace loket::search
