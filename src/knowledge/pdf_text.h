// Plain text extracted from an official PDF (pdftotext and the like),
// cleaned of what the page layout left in it: the first page's masthead and
// colophon, running page headers and
// footers ("Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84 2",
// "ah-tk-20222023-2104 2"), page numbers, a table of contents, footnotes
// and their markers in the text, words hyphenated across line ends
// ("Buiten-" / "landse"; a compound that the text prints whole elsewhere
// keeps its hyphen), bullet glyphs, and paragraphs broken by a page break.
// Thread-safety: pure functions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loket::knowledge {

struct Line {
  std::string text;          // trimmed; empty for a blank line
  bool page_start = false;   // the first line of a page
  bool bullet = false;       // a list item (its glyph removed from `text`)
  bool number_only = false;  // nothing but a number: a page number, or a question's
  bool numbered = false;     // an item of a numbered list ("1. …", "a) …")
  // Ends in the hyphen of a compound that the text prints whole elsewhere
  // ("consulaat-" / "generaal"): joined, the word keeps its hyphen.
  bool hyphen_kept = false;
  // As long as the text's wrapped lines: what follows it, across a page
  // break too, is the same paragraph unless it ends a sentence.
  bool full_width = false;
};

struct CleanText {
  std::vector<Line> lines;
  // The running footers removed, as printed but with runs of spaces
  // collapsed (for the document's reference).
  std::vector<std::string> footers;
  // The masthead of a parliamentary paper's first page, removed ("Tweede
  // Kamer der Staten-Generaal", …, "Nr. 48 BRIEF VAN DE MINISTER …").
  std::vector<std::string> masthead;
  // The paper's identifier from its first-page colophon ("kst-36180-48",
  // "ah-tk-20222023-2104").
  std::vector<std::string> identifiers;
};

CleanText CleanPdfText(std::string_view raw);

// Joins lines into paragraphs: wrapped lines become one line, words
// hyphenated at a line end are joined, a paragraph broken by a page break is
// rejoined; list items and table rows keep a line each, and the text after
// a list's last item ("…;" / "…." / "Op dit moment …") opens a paragraph.
// Number-only lines are dropped.
std::vector<std::string> JoinParagraphs(std::span<const Line> lines);

// A table's row whose columns the extraction set one space apart: a short
// label, if any, and two figures or more ("2021 98.700 91%"); no sentence.
bool IsFigureRow(std::string_view text);
// True when the text ends a sentence or a clause (., ?, !, :, ;, a closing
// quote or bracket after one of those).
bool EndsSentence(std::string_view text);
// The first code point is an upper-case or lower-case letter (Latin
// scripts, including accented letters).
bool StartsUpper(std::string_view text);
bool StartsLower(std::string_view text);
// The number of UTF-8 code points: a line's width in characters.
size_t CodePointCount(std::string_view text);
// An article, a preposition or a conjunction ("de", "van", "en", "zoals"),
// in any case: a line that ends in one was wrapped, and goes on.
bool IsFunctionWord(std::string_view word);
// The index of the next non-blank line after `i`, or lines.size().
size_t NextText(const std::vector<Line>& lines, size_t i);
// The number of words of a text whose words stand one space apart.
size_t WordCount(std::string_view text);

}  // namespace loket::knowledge
