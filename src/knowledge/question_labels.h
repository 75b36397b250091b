// How official documents name their questions: the numbers of a label
// ("2, 3 en 4") and of a reference to other answers ("Zie het antwoord op
// vraag 11."). Read by the import and by the snapshot that resolves
// references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace loket::knowledge {

// The numbers of a label as printed, in lower case: "3" → {"3"}; "3 en 4",
// "2, 3 en 4"; "2 t/m 5" → {"2", "3", "4", "5"}; "4B" → {"4b"}. A label
// that does not start with its number ("VVD-1") is taken whole.
std::vector<std::string> LabelNumbers(const std::string& label);

// The numbers of the questions an answer refers to when it is no more than
// such a reference: "Zie het antwoord op vraag 11.", "Zie de antwoorden op
// de vragen 2 en 3.", "Verwezen wordt naar de beantwoording van vraag 5.",
// "Zie vraag 7."; empty for an answer that says more.
std::vector<std::string> ReferredQuestionNumbers(std::string_view answer);

}  // namespace loket::knowledge
