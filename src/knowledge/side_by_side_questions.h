#pragma once
// Lists of questions printed as a table with the question and its answer
// side by side, as `pdftotext -layout` extracts them or a converter writes
// them in Markdown.
// Thread-safety: pure functions.

#include <string>
#include <vector>

namespace loket::knowledge {

// A list printed as a table with the question and its answer side by
// side ("Nr.  Vraag  Antwoord" over the columns): each question's cells
// are set one after the other, its number on a line of its own, then its
// question, "Antwoord" and its answer, as lists are printed otherwise. A
// line that is no row (a footer, the text after the table) ends the table;
// the heads on the next page open it again. Other lines stay as they are.
void UnfoldSideBySideQuestions(std::vector<std::string>& raw_lines);

// The same list as a Markdown table ("| Nr | Fractie | Vraag | Antwoord |"
// above "|----|…"), as a converter writes it: each row's number (or its
// place), its question, "Antwoord" and its answer on lines of their own.
// Other lines stay as they are.
void UnfoldQuestionTableRows(std::vector<std::string>& raw_lines);

}  // namespace loket::knowledge
