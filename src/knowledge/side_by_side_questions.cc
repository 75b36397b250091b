#include "knowledge/side_by_side_questions.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <string_view>
#include <utility>

#include "core/strings.h"
#include "knowledge/pdf_text.h"

namespace loket::knowledge {
namespace {

// The byte offset of code point `column` in `line` (its size when the line
// is shorter).
size_t OffsetOfColumn(std::string_view line, size_t column) {
  size_t at = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (at++ == column) return i;
  }
  return line.size();
}

// Where the cell of a column that starts at `column` begins in `line`: at
// the end of the run of spaces nearest to that column (a cell before it
// may run a little into it, or stop short of it), or at the column itself
// where the line is blank up to it; npos where the line holds nothing from
// there on.
size_t CellStart(std::string_view line, size_t column) {
  constexpr size_t kSlack = 6;
  const size_t at = OffsetOfColumn(line, column);
  if (Trim(line.substr(0, at)).empty()) {
    const size_t text = line.find_first_not_of(" \f");
    return text == std::string_view::npos ? text : std::min(at, text);
  }
  // A wide gap first; a cell that runs into the next column leaves one
  // space before it.
  for (std::string_view run : {"  ", " "}) {
    size_t best = std::string_view::npos, distance = kSlack + 1;
    for (size_t gap = line.find(run); gap != std::string_view::npos; gap = line.find(run, gap)) {
      const size_t end = line.find_first_not_of(' ', gap);
      if (end == std::string_view::npos) break;
      const size_t d = end > at ? CodePointCount(line.substr(at, end - at))
                                : CodePointCount(line.substr(end, at - end));
      if (d < distance) best = end, distance = d;
      gap = end;
    }
    if (best != std::string_view::npos) return best;
  }
  return at >= line.size() ? std::string_view::npos : at;
}

}  // namespace

void UnfoldSideBySideQuestions(std::vector<std::string>& raw_lines) {
  static const std::regex header("^[ \f]*Nr\\.?( +)Vraag( +)Antwoord *$");
  static const std::regex number("^[0-9]{1,3}$");
  std::vector<std::string> out;
  out.reserve(raw_lines.size() * 2);
  std::optional<std::pair<size_t, size_t>> columns;  // of the question, of the answer
  std::string asked_number;
  std::vector<std::string> question, answer;
  auto flush = [&] {
    if (!asked_number.empty()) out.push_back(asked_number);
    out.insert(out.end(), question.begin(), question.end());
    if (!answer.empty() && !asked_number.empty()) {
      out.emplace_back();
      out.emplace_back("Antwoord");
    }
    out.insert(out.end(), answer.begin(), answer.end());
    if (!asked_number.empty() || !question.empty() || !answer.empty()) out.emplace_back();
    asked_number.clear();
    question.clear();
    answer.clear();
  };
  for (std::string& line : raw_lines) {
    if (std::regex_match(line, header)) {
      flush();
      const std::string_view heads(line);
      columns = {CodePointCount(heads.substr(0, heads.find("Vraag"))),
                 CodePointCount(heads.substr(0, heads.find("Antwoord")))};
      out.push_back(std::move(line));
      continue;
    }
    if (!columns) {
      out.push_back(std::move(line));
      continue;
    }
    if (line.find('\f') != std::string::npos) {
      flush();
      out.emplace_back("\f");
      line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
    }
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    const std::string_view l(line);
    const size_t q = CellStart(l, columns->first);
    const size_t a = CellStart(l, columns->second);
    const std::string_view left = Trim(l.substr(0, std::min(q, l.size())));
    if (!left.empty() && !std::regex_match(left.begin(), left.end(), number)) {
      flush();
      columns.reset();
      out.push_back(std::move(line));
      continue;
    }
    if (!left.empty()) {
      flush();
      asked_number = std::string(left);
    }
    if (q != std::string_view::npos && (a == std::string_view::npos || q < a)) {
      const std::string_view cell = Trim(l.substr(q, a == std::string_view::npos ? a : a - q));
      if (!cell.empty()) question.emplace_back(cell);
    }
    if (a != std::string_view::npos) answer.emplace_back(Trim(l.substr(a)));
  }
  flush();
  raw_lines = std::move(out);
}

void UnfoldQuestionTableRows(std::vector<std::string>& raw_lines) {
  static const std::regex separator("^ *\\|? *:?-{2,}:? *(\\| *:?-{2,}:? *)+\\|? *$");
  auto cells = [](std::string_view line) {
    line = Trim(line);
    if (line.starts_with('|')) line.remove_prefix(1);
    if (line.ends_with('|')) line.remove_suffix(1);
    std::vector<std::string> out = Split(line, '|');
    for (std::string& cell : out) cell = std::string(Trim(cell));
    return out;
  };
  auto column = [](const std::vector<std::string>& heads,
                   std::initializer_list<std::string_view> names) {
    for (size_t i = 0; i < heads.size(); ++i) {
      for (std::string_view name : names) {
        if (heads[i] == name) return i;
      }
    }
    return std::string::npos;
  };
  std::vector<std::string> out;
  out.reserve(raw_lines.size() * 4);
  for (size_t i = 0; i < raw_lines.size(); ++i) {
    const std::string_view line = Trim(raw_lines[i]);
    const std::vector<std::string> heads =
        line.starts_with('|') ? cells(line) : std::vector<std::string>{};
    const size_t question = column(heads, {"Vraag", "Vragen", "**Vraag**"});
    const size_t answer = column(heads, {"Antwoord", "Antwoorden", "**Antwoord**"});
    const size_t number = column(heads, {"Nr", "Nr.", "Nummer", "**Nr**", "**Nr.**"});
    if (question == std::string::npos || answer == std::string::npos || i + 1 >= raw_lines.size() ||
        !std::regex_match(raw_lines[i + 1], separator)) {
      out.push_back(std::move(raw_lines[i]));
      continue;
    }
    // The rows, each a question: its number, its question, "Antwoord" and
    // its answer, as lists are printed otherwise.
    size_t k = i + 2, asked = 0;
    for (; k < raw_lines.size() && Trim(raw_lines[k]).starts_with('|'); ++k) {
      const std::vector<std::string> row = cells(raw_lines[k]);
      if (row.size() != heads.size()) break;
      ++asked;
      out.push_back(number == std::string::npos ? std::to_string(asked) : row[number]);
      out.push_back(row[question]);
      out.emplace_back();
      out.emplace_back("Antwoord");
      out.push_back(row[answer]);
      out.emplace_back();
    }
    i = k - 1;
  }
  raw_lines = std::move(out);
}

}  // namespace loket::knowledge
