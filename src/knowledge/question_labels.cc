#include "knowledge/question_labels.h"

#include <cctype>
#include <regex>

#include "core/strings.h"

namespace loket::knowledge {

namespace {

// A question's number with its letter, if any: "11", "4b", "2.14".
const std::regex& QuestionNumber() {
  static const std::regex re("([0-9]{1,2}\\.[0-9]{1,2}|[0-9]{1,3})([a-z]?)", std::regex::icase);
  return re;
}

}  // namespace

std::vector<std::string> LabelNumbers(const std::string& label) {
  static const std::regex to_next("^\\s*(t/m|tot en met)");
  if (label.empty() || !std::isdigit(static_cast<unsigned char>(label[0]))) {
    return {AsciiLower(label)};
  }
  std::vector<std::string> out;
  bool range = false;
  for (std::sregex_iterator it(label.begin(), label.end(), QuestionNumber()), end; it != end;
       ++it) {
    const std::smatch& m = *it;
    if (range && !out.empty() && m[2].length() == 0) {
      // "2 t/m 5": the numbers between the two as well ("2.3 t/m 2.5" too).
      const std::string& from = out.back();
      const std::string to = m[1].str();
      size_t chapter = to.find('.') + 1;  // 0 for a number without its chapter
      if (from.find('.') + 1 == chapter && from.compare(0, chapter, to, 0, chapter) == 0) {
        for (int n = std::stoi(from.substr(chapter)) + 1;
             n < std::stoi(to.substr(chapter)) && n < 1000; ++n) {
          out.push_back(to.substr(0, chapter) + std::to_string(n));
        }
      }
    }
    out.push_back(AsciiLower(m.str()));
    std::string after = label.substr(static_cast<size_t>(m.position() + m.length()));
    range = std::regex_search(after, to_next);
  }
  return out;
}

std::vector<std::string> ReferredQuestionNumbers(std::string_view answer) {
  // A reference is a sentence or two; an answer that says more stands alone.
  constexpr size_t kMaxReferenceBytes = 250;
  std::string text(Trim(answer));
  if (text.empty() || text.size() > kMaxReferenceBytes) return {};
  static const std::regex refers("\\b(zie|verwijs|verwijzen|verwezen|beantwoord)\\b",
                                 std::regex::icase);
  static const std::regex target(
      "\\b(?:(?:be)?antwoord(?:en|ing)?\\s+(?:(?:op|bij|van)\\s+)?)?(?:de\\s+)?vra(?:ag|gen)\\s+"
      "((?:[0-9]{1,2}\\.)?[0-9]{1,3}[a-z]?(?:\\s*(?:,|en|t/m|tot en met)\\s*(?:[0-9]{1,2}\\.)?"
      "[0-9]{1,3}[a-z]?)*)\\b",
      std::regex::icase);
  if (!std::regex_search(text, refers)) return {};
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), target), end; it != end; ++it) {
    for (std::string& n : LabelNumbers((*it)[1].str())) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace loket::knowledge
