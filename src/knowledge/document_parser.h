// Turns the plain text of an official document into knowledge articles.
//
// Two kinds are recognised:
// - answers to parliamentary questions ("Lijst van vragen en antwoorden",
//   "Verslag van een schriftelijk overleg", answers to written questions):
//   one passage per question, holding its number, the question and the
//   complete answer. Layouts vary: the number alone on a line with the
//   question below it, the number and the question on one line, "Vraag N",
//   a party's paragraph followed by "N. Antwoord:", an "Antwoord" line
//   between question and answer or none at all; page references in the
//   margin are dropped. Numbers may carry a letter ("2a", "2b": further
//   questions after question 2) or a party's name, each party numbering
//   its own questions ("VVD-1", "D66-1"); a party's heading over its
//   questions heads their passages;
// - letters and reports: one passage per paragraph (short paragraphs and
//   lists joined to their neighbour), each with the heading it stands under
//   (numbered section headings, as in a "Nota naar aanleiding van het
//   verslag", included).
// Motions and amendments are refused as such. Page footers, page numbers,
// footnotes, hyphenation and bullets are cleaned up first (pdf_text.h).
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "knowledge/model.h"

namespace loket::knowledge {

struct ParsedPassage {
  std::string number;    // the question's number as printed ("3", "2a", "VVD-1", "3 en 4");
                         // empty for a letter's passage
  std::string heading;   // the section (or party block) it stands under
  std::string question;  // empty for a letter's passage
  std::string text;      // the complete answer, or the passage
};

struct ParsedDocument {
  SourceDocument document;
  std::vector<ParsedPassage> passages;
  // Question numbers a numbering skipped (a question the layout hid): "2",
  // or "VVD-2" in a party's own numbering; lettered questions fill no gap.
  std::vector<std::string> missing_numbers;
};

// `name` is the file name, the document's key when its text names no
// parliamentary paper. Fails with InvalidArgument, saying why, for text
// that is neither kind of document.
Result<ParsedDocument> ParseDocument(std::string_view text, std::string_view name);

// Parliamentary papers that are neither kind, refused as what they are.
enum class RefusedPaper { kMotion, kAmendment };

// What ParseDocument refused `text` as, when it is a motion or an
// amendment; nothing for any other text.
std::optional<RefusedPaper> RefusedPaperIn(std::string_view text);

// The articles for a parsed document (ids, titles, sources, order). A
// question's id ends in its number ("-3", also for "3 en 4"; "-2a";
// "-vvd-1"), a letter's passage's in its place ("-p4").
std::vector<Article> ToArticles(const ParsedDocument& parsed);

}  // namespace loket::knowledge
