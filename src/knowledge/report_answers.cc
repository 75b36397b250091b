#include "knowledge/report_answers.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <map>
#include <regex>
#include <string_view>
#include <utility>

#include "core/strings.h"
#include "knowledge/pdf_text.h"

namespace loket::knowledge {
namespace {

using std::regex;
using std::regex_constants::icase;

// The first letter of a member's name: a capital, also "Ö" or "É"
// (Latin-1 capitals in UTF-8).
const std::string kNameStart = "(?:[A-Z]|\xC3[\x80-\x9E])";

// The party whose members a report's heading names: "VVD" for "Vragen en
// opmerkingen van de leden van de VVD-fractie", "GroenLinks-PvdA" for "…
// van de GroenLinks-PvdA-fractie"; empty when it names none.
std::string PartyOf(const std::string& heading) {
  static const regex re("\\bde (\\S+)-fractie\\b");
  std::smatch m;
  if (!std::regex_search(heading, m, re)) return {};
  return m[1].str();
}

// A member asks the minister: a question, or words that ask ("Daarnaast
// vraag ik de minister hoeveel …", "Verder wil ik weten …").
bool SpeakerAsks(const std::string& text) {
  static const regex asking(
      "\\b(?:vraag|vragen|vraagt) (?:ik |wij |we )?(?:de minister|het kabinet|de "
      "staatssecretaris|de regering)\\b|\\bwil(?:len)? (?:ik|wij|we) (?:graag )?weten\\b|\\bhoor "
      "(?:ik )?graag\\b",
      icase);
  return text.find('?') != std::string::npos || std::regex_search(text, asking);
}

// The paragraphs of a passage's text.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view rest = text; !rest.empty();) {
    const size_t end = std::min(rest.find("\n\n"), rest.size());
    out.emplace_back(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 2, rest.size()));
  }
  return out;
}

// Members' text that asks: a question, or members who ask in so many
// words ("Deze leden vragen …").
bool Asks(const std::string& text) {
  return text.find('?') != std::string::npos || MembersAsk(text);
}

// Members' paragraphs as the questions they ask: each asking paragraph
// with the paragraphs before it that ask nothing ("De leden hebben met
// belangstelling kennisgenomen …"). `rest` is what asks nothing after the
// last question.
std::vector<std::string> AskingParagraphs(const std::vector<std::string>& paragraphs,
                                          std::string& rest) {
  std::vector<std::string> asking;
  rest.clear();
  for (const std::string& paragraph : paragraphs) {
    rest += (rest.empty() ? "" : "\n\n") + paragraph;
    if (Asks(paragraph)) {
      asking.push_back(std::exchange(rest, {}));
    }
  }
  return asking;
}

// Speakers' labels at the start of a paragraph of a debate's record:
// a member's ("De heer Van Dijk (CDA): …", the name its third group), the
// minister's ("Minister Van Leeuwen: …") and the chair's ("De voorzitter:
// …").
const regex& MemberLabel() {
  static const regex re("(^|\\n)(De heer|Mevrouw) (" + kNameStart +
                        "[^():\\n]{1,40}?) \\([^()\\n]{1,40}\\): +\\S");
  return re;
}

const regex& MinisterLabel() {
  static const regex re(
      "(^|\\n)(Minister|Staatssecretaris|Minister-president)( [^:\\n]{1,40})?: +\\S");
  return re;
}

const regex& ChairLabel() {
  static const regex re("(^|\\n)De voorzitter: +\\S");
  return re;
}

// Drops the passages marked `joined` (their text went into another).
void RemoveJoined(std::vector<ParsedPassage>& passages, const std::vector<bool>& joined) {
  std::vector<ParsedPassage> out;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (!joined[i]) out.push_back(std::move(passages[i]));
  }
  passages = std::move(out);
}

}  // namespace

bool OpensTurn(const std::string& paragraph) {
  for (const regex* label : {&MemberLabel(), &MinisterLabel(), &ChairLabel()}) {
    if (std::regex_search(paragraph, *label, std::regex_constants::match_continuous)) return true;
  }
  return false;
}

bool MembersAsk(const std::string& paragraph) {
  static const regex members(
      "^(?:(?:Voorts|Ook|Verder|Daarnaast|Tevens|Vervolgens|Tot slot|Ten slotte|Tenslotte),? )?"
      "(?:(?:vragen|verzoeken) )?(?:de|deze) leden\\b",
      icase);
  // The verb, not the noun: "Deze leden vragen …", not "Zij hebben nog
  // enkele vragen." nor "… hebben deze leden vragen gesteld". The Eerste
  // Kamer names its groups "de fractie van de BBB", "de fracties van
  // GroenLinks-PvdA en D66".
  static const regex asks(
      "\\b(?:leden(?: van de (?:\\S+(?: fractie)?|fracties? van (?:de )?[^,.?;:]{1,60}?))?|[Zz]ij)"
      "\\s+"
      "(?:(?:ook|voorts|tevens|verder|daarnaast|daarom|eveneens|bovendien)\\s+)?"
      "(?:vragen|vroegen|verzoeken)\\b(?!\\s+gesteld)|"
      "\\b(?:vragen|verzoeken)\\s+(?:de|deze)\\s+leden\\b|"
      "\\bwillen\\s+(?:graag\\s+)?(?:weten|vernemen)\\b");
  // Or they note something and ask it outright ("De leden … lezen dat …
  // Kan de regering toelichten …?").
  return std::regex_search(paragraph, members) &&
         (std::regex_search(paragraph, asks) || paragraph.find('?') != std::string::npos);
}

// A report whose minister's reaction follows all the members' questions
// ("I. Vragen en opmerkingen vanuit de fracties" … "II. Reactie van de
// minister", a section per party in both) and does not repeat them: each
// party's questions go with the reaction to them, as the passage's
// question and its answer. Paragraph by paragraph where the party asks in
// as many paragraphs, each asking, as the reaction has; else the party's
// questions and the whole reaction to them in one passage.
void JoinReactionsToQuestions(std::vector<ParsedPassage>& passages) {
  static const regex reaction(
      "(^|– )(II\\.? +)?Reactie (van|op|door)\\b|(^|– )(II\\.? +)?(Antwoorden|Beantwoording) "
      "(van|door) de (minister|staatssecretaris|bewindspersoon|regering)",
      icase);
  auto first_reaction = std::find_if(passages.begin(), passages.end(), [](const ParsedPassage& p) {
    return std::regex_search(p.heading, reaction);
  });
  const size_t split = static_cast<size_t>(first_reaction - passages.begin());
  if (split == passages.size()) return;
  std::map<std::string, std::vector<size_t>> asked, answered;
  for (size_t i = 0; i < passages.size(); ++i) {
    std::string party = PartyOf(passages[i].heading);
    if (!party.empty()) (i < split ? asked : answered)[party].push_back(i);
  }
  std::vector<ParsedPassage> out;
  std::vector<bool> used(passages.size(), false);
  for (size_t i = 0; i < passages.size(); ++i) {
    if (used[i]) continue;
    const std::string party = PartyOf(passages[i].heading);
    auto q = asked.find(party);
    auto a = answered.find(party);
    if (i >= split || party.empty() || q == asked.end() || a == answered.end()) {
      out.push_back(passages[i]);
      continue;
    }
    const std::vector<size_t>& questions = q->second;
    const std::vector<size_t>& reactions = a->second;
    auto paragraphs = [&](const std::vector<size_t>& of) {
      std::vector<std::string> texts;
      for (size_t k : of) {
        for (std::string& p : Paragraphs(passages[k].text)) texts.push_back(std::move(p));
      }
      return texts;
    };
    // Paragraph by paragraph, where each reaction answers one question.
    std::string pending;
    const std::vector<std::string> asking = AskingParagraphs(paragraphs(questions), pending);
    const std::vector<std::string> answers = paragraphs(reactions);
    const std::string& heading = passages[questions.front()].heading;
    const bool each_asks = std::all_of(questions.begin(), questions.end(),
                                       [&](size_t k) { return Asks(passages[k].text); });
    if (!asking.empty() && pending.empty() && asking.size() == answers.size()) {
      for (size_t k = 0; k < asking.size(); ++k) {
        out.push_back(ParsedPassage{"", heading, asking[k], answers[k]});
      }
    } else if (each_asks && questions.size() == reactions.size()) {
      // Passage by passage, where a reaction runs over several paragraphs.
      for (size_t k = 0; k < questions.size(); ++k) {
        out.push_back(ParsedPassage{"", passages[questions[k]].heading, passages[questions[k]].text,
                                    passages[reactions[k]].text});
      }
    } else {
      out.push_back(
          ParsedPassage{"", heading, Join(paragraphs(questions), "\n\n"), Join(answers, "\n\n")});
    }
    for (size_t k : questions) used[k] = true;
    for (size_t k : reactions) used[k] = true;
  }
  passages = std::move(out);
}

void PairAnswersParagraphByParagraph(std::vector<ParsedPassage>& passages) {
  // Numbers of the text's own ("NSC-1") stay as they are.
  if (!std::all_of(passages.begin(), passages.end(), [](const ParsedPassage& p) {
        return !p.number.empty() && std::all_of(p.number.begin(), p.number.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        });
      })) {
    return;
  }
  std::vector<ParsedPassage> out;
  out.reserve(passages.size());
  for (ParsedPassage& p : passages) {
    std::string pending;
    const std::vector<std::string> asking = AskingParagraphs(Paragraphs(p.question), pending);
    const std::vector<std::string> answers = Paragraphs(p.text);
    if (asking.size() < 2 || !pending.empty() || asking.size() != answers.size()) {
      out.push_back(std::move(p));
      continue;
    }
    for (size_t k = 0; k < asking.size(); ++k) {
      out.push_back(ParsedPassage{"", p.heading, asking[k], answers[k]});
    }
  }
  for (size_t k = 0; k < out.size(); ++k) out[k].number = std::to_string(k + 1);
  passages = std::move(out);
}

void SplitMembersQuestions(std::vector<ParsedPassage>& passages) {
  for (ParsedPassage& p : passages) {
    if (!p.question.empty()) continue;
    const std::vector<std::string> paragraphs = Paragraphs(p.text);
    size_t asked = 0;
    while (asked < paragraphs.size() && MembersAsk(paragraphs[asked])) ++asked;
    if (asked == 0 || asked == paragraphs.size()) continue;
    std::vector<std::string> question(paragraphs.begin(),
                                      paragraphs.begin() + static_cast<std::ptrdiff_t>(asked));
    std::vector<std::string> answer(paragraphs.begin() + static_cast<std::ptrdiff_t>(asked),
                                    paragraphs.end());
    p.question = Join(question, "\n\n");
    p.text = Join(answer, "\n\n");
  }
}

// A committee debate's report: a member's turn ("De heer Van Dijk (CDA):
// … Kan de minister aangeven …?") goes with the minister's answers that
// name the member in their first sentence ("Ik begin met de vraag van de
// heer Van Dijk over gedetineerden.", "Dan de paspoorten, waarover
// mevrouw Koster vroeg."), as one passage: the turn its question, the
// answers its text. An interruption that asks, with the minister's reply
// right after it, is a passage too; answers that name no member, the
// chair's words and other interruptions stay passages of their own.
void JoinDebateAnswersToTurns(std::vector<ParsedPassage>& passages) {
  // A speaker's label opens a paragraph: a short word of the chair's may
  // come first in a passage ("De voorzitter: Ja." / "De heer Veenstra
  // (VVD): …").
  const regex& member = MemberLabel();
  const regex& minister = MinisterLabel();
  const regex& chair = ChairLabel();
  auto speaks = [&](const std::string& text) {
    return std::regex_search(text, member) || std::regex_search(text, minister) ||
           std::regex_search(text, chair);
  };
  struct Turn {
    size_t first, last;  // the passages of the member's turn
    std::string name;
    // The passages that answer, each from where it names the member (the
    // minister's words before that answer something else) to where it
    // names another, or to its end (npos).
    struct Answer {
      size_t passage, from, to;
    };
    std::vector<Answer> answers;
  };
  // Who speaks at the end of a passage: the last label in it.
  enum class Speaker { kOther, kMember, kMinister, kChair };
  auto last_speaker = [&](const std::string& text, Speaker before) {
    Speaker who = before;
    size_t at = 0;
    for (const auto& [re, s] :
         {std::pair{&member, Speaker::kMember}, std::pair{&minister, Speaker::kMinister},
          std::pair{&chair, Speaker::kChair}}) {
      for (std::sregex_iterator it(text.begin(), text.end(), *re), end; it != end; ++it) {
        if (static_cast<size_t>(it->position(0)) + 1 > at) {
          at = static_cast<size_t>(it->position(0)) + 1;
          who = s;
        }
      }
    }
    return who;
  };
  // An answer names the member in the first sentences of one of its
  // paragraphs ("Mijn tweede blokje gaat over de kosten." / "Mevrouw El
  // Khatib vroeg …"), not in the words of the chair or of a member.
  // Where such paragraphs start in the text.
  auto names = [&](const std::string& text, const std::string& name) {
    std::vector<size_t> starts;
    for (size_t start = 0; start < text.size();) {
      const size_t end = std::min(text.find("\n\n", start), text.size());
      const std::string paragraph = text.substr(start, end - start);
      const size_t at = start;
      start = end + 2;
      if (std::regex_search(paragraph, chair) || std::regex_search(paragraph, member)) continue;
      // Its first two sentences: the topic may come first ("Allereerst de
      // slachtoffers. De heer Boswijk schetste …").
      const size_t one = paragraph.find_first_of(".?!");
      const std::string_view first = std::string_view(paragraph).substr(
          0, one == std::string::npos ? one : paragraph.find_first_of(".?!", one + 1));
      if (first.find("heer " + name) != std::string_view::npos ||
          first.find("evrouw " + name) != std::string_view::npos) {
        starts.push_back(at);
      }
    }
    return starts;
  };
  std::vector<Turn> turns;
  bool answering = false;
  Speaker speaker = Speaker::kOther;
  // The turn whose answer ran on to the end of the passage before, while
  // the minister goes on speaking (npos: none).
  size_t running = std::string::npos;
  // Where a passage's text that went to a turn ends, when the rest stays
  // (npos: the rest went too).
  std::vector<size_t> kept_from(passages.size(), std::string::npos);
  for (size_t i = 0; i < passages.size(); ++i) {
    const std::string& text = passages[i].text;
    const Speaker at_start = speaker;
    speaker = last_speaker(text, speaker);
    const size_t runs_on = std::exchange(running, std::string::npos);
    if (!passages[i].question.empty()) continue;
    const bool minister_label = std::regex_search(text, minister);
    const bool minister_speaks = at_start == Speaker::kMinister || minister_label;
    answering = answering || minister_label;
    std::smatch m;
    if (std::regex_search(text, m, member)) {
      // A member's first turn before the answers counts, when it asks; it
      // goes on over the paragraphs after it that no one else speaks.
      // (Once the minister answers, the paragraphs after an interruption
      // may be the minister's again.)
      size_t last = i;
      while (!answering && last + 1 < passages.size() && passages[last + 1].question.empty() &&
             !speaks(passages[last + 1].text)) {
        ++last;
      }
      const std::string name = m[3].str();
      const bool known =
          std::any_of(turns.begin(), turns.end(), [&](const Turn& t) { return t.name == name; });
      const bool asks = std::any_of(passages.begin() + static_cast<std::ptrdiff_t>(i),
                                    passages.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                    [](const ParsedPassage& p) { return SpeakerAsks(p.text); });
      // An interruption names the member who has the floor in its first
      // sentence ("Mevrouw Stoop (SP): De heer Verhoeckx heeft het over …",
      // "De heer Boersma (CDA): Ik ben het eens met mevrouw Sluiter …"): no
      // turn. (A turn opens with the chair: "Voorzitter. …")
      static const regex interrupts("^(?:De heer|Mevrouw) " + kNameStart +
                                    "[^():\\n]{1,40}? \\([^()\\n]{1,40}\\): +[^.?!\\n]*?"
                                    "\\b(?:[Dd]e heer|[Mm]evrouw) " +
                                    kNameStart);
      const std::string own = text.substr(static_cast<size_t>(m.position(0)));
      // So does a member whom the chair gives the floor for an
      // interruption ("Er is een interruptie van mevrouw El Khatib."), in
      // this passage or as the chair's own passage before it.
      // (Not the rule for the debate: "twee interrupties per fractie".)
      static const regex announces("\\binterruptie\\b");
      const std::string before = text.substr(0, static_cast<size_t>(m.position(0)));
      const bool announced =
          std::regex_search(before, announces) ||
          (before.empty() && i > 0 &&
           std::regex_search(passages[i - 1].text, chair, std::regex_constants::match_continuous) &&
           std::regex_search(passages[i - 1].text, announces));
      const bool interruption = std::regex_search(std::string(Trim(own)), interrupts) || announced;
      if (!answering && !known && asks && !interruption) {
        turns.push_back(Turn{i, last, name, {}});
      }
      i = last;
      continue;
    }
    // After a member's interruption the minister may go on without a new
    // label, with a paragraph that turns to a member ("Dan de vragen van
    // de heer Van Rooijen.").
    const bool resumes = answering && at_start == Speaker::kMember && !speaks(text) &&
                         std::any_of(turns.begin(), turns.end(),
                                     [&](const Turn& t) { return !names(text, t.name).empty(); });
    if (resumes) speaker = Speaker::kMinister;
    if (!answering || !(minister_speaks || resumes)) continue;
    // An answer may run on from one member to the next without a new
    // paragraph ("… met de redenen daarvoor. Mevrouw El Khatib vroeg naar
    // achterlating."): a sentence that turns to a member, or to the next
    // block of questions ("Dan kom ik bij het blok visa."), opens one.
    std::string& answer = passages[i].text;
    static const std::string kBlock = "(?:Dan|Tot slot|Ten slotte) (?:kom ik (?:nu )?bij|het blok)";
    static const regex next_block("([.?!]) (" + kBlock + ")");
    static const regex block_opening("^" + kBlock);
    answer = std::regex_replace(answer, next_block, "$1\n\n$2");
    // Such a sentence names the member first ("Mevrouw El Khatib vroeg
    // …") or the question ("Dan de vraag van de heer Van Dijk over …").
    std::vector<std::string> turns_to;
    for (const Turn& t : turns) {
      for (const char* title : {"De heer ", "Mevrouw "}) turns_to.push_back(title + t.name + " ");
      for (const char* question : {"Dan de vraag van ", "De vraag van ", "Dan de vragen van "}) {
        for (const char* title : {"de heer ", "mevrouw "}) {
          turns_to.push_back(std::string(question) + title + t.name + " ");
        }
      }
    }
    for (const std::string& named : turns_to) {
      const std::string turn_to = ". " + named;
      for (size_t at = answer.find(turn_to); at != std::string::npos;
           at = answer.find(turn_to, at + 3)) {
        // Not where the one sentence before announces the block ("Dan
        // mijn tweede blokje, kwetsbare Nederlanders.").
        constexpr size_t kMaxAnnouncementWords = 10;
        const size_t paragraph = answer.rfind("\n\n", at);
        const size_t start = paragraph == std::string::npos ? 0 : paragraph + 2;
        const std::string_view before = std::string_view(answer).substr(start, at - start);
        if (before.find_first_of(".?!") == std::string_view::npos &&
            (std::regex_search(before.begin(), before.end(), block_opening) ||
             WordCount(before) <= kMaxAnnouncementWords)) {
          continue;
        }
        answer.replace(at + 1, 1, "\n\n");
      }
    }
    // Each member named answers up to where the next is named.
    std::vector<std::pair<size_t, Turn*>> named;
    for (Turn& t : turns) {
      for (size_t at : names(answer, t.name)) named.emplace_back(at, &t);
    }
    // A paragraph that names two members goes with the one who spoke first.
    std::stable_sort(named.begin(), named.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    named.erase(std::unique(named.begin(), named.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                named.end());
    // Where one member asked (an oral question in the question hour), the
    // minister's next paragraphs answer on ("Dan de eerste vraag. …"), up
    // to a new block of questions; among many members, a paragraph that
    // names none may answer another ("Over de kosten van evacuaties het
    // volgende.") and stays apart.
    // The chair's words after them ("De voorzitter: Mevrouw Sahin-Verbeek.")
    // stay where they are.
    const size_t first_named = named.empty() ? std::string::npos : named.front().first;
    std::smatch chair_words;
    const size_t chair_at =
        std::regex_search(answer, chair_words, chair)
            ? static_cast<size_t>(chair_words.position(0) + chair_words.length(1))
            : std::string::npos;
    if (runs_on != std::string::npos && turns.size() == 1 && !minister_label && chair_at != 0 &&
        first_named != 0 && !std::regex_search(answer, block_opening)) {
      turns[runs_on].answers.push_back({i, 0, std::min(first_named, chair_at)});
      if (chair_at < first_named) {
        kept_from[i] = chair_at;
      } else if (first_named == std::string::npos) {
        running = runs_on;
      }
    }
    for (size_t k = 0; k < named.size(); ++k) {
      const size_t to = k + 1 < named.size() ? named[k + 1].first : std::string::npos;
      named[k].second->answers.push_back({i, named[k].first, to});
    }
    if (!named.empty()) running = static_cast<size_t>(named.back().second - turns.data());
  }
  std::vector<bool> joined(passages.size(), false);
  std::vector<size_t> cut(passages.size(), std::string::npos);
  for (const Turn& t : turns) {
    if (t.answers.empty()) continue;
    ParsedPassage& turn = passages[t.first];
    std::vector<std::string> asked, answers;
    for (size_t k = t.first; k <= t.last; ++k) {
      asked.push_back(passages[k].text);
      joined[k] = k != t.first;
    }
    for (const Turn::Answer& a : t.answers) {
      const std::string& text = passages[a.passage].text;
      answers.emplace_back(
          Trim(text.substr(a.from, a.to == std::string::npos ? a.to : a.to - a.from)));
    }
    turn.question = Join(asked, "\n\n");
    turn.text = Join(answers, "\n\n");
  }
  // What the answering passages say before the first member they name
  // stays; the rest went to the turns.
  for (const Turn& t : turns) {
    for (const Turn::Answer& a : t.answers) cut[a.passage] = std::min(cut[a.passage], a.from);
  }
  for (size_t i = 0; i < passages.size(); ++i) {
    if (kept_from[i] != std::string::npos) {
      passages[i].text.erase(0, kept_from[i]);
      continue;
    }
    if (cut[i] == std::string::npos) continue;
    passages[i].text.resize(cut[i] == 0 ? 0 : cut[i] - 2);
    joined[i] = joined[i] || cut[i] == 0;
  }
  // A member's interruption of the answers, when it asks and the minister
  // replies right after it, is one passage with the reply.
  bool answers_begun = false;
  for (size_t i = 0; i + 1 < passages.size(); ++i) {
    const ParsedPassage& p = passages[i];
    answers_begun = answers_begun || std::regex_search(p.text, minister);
    if (!answers_begun || joined[i] || joined[i + 1] || !p.question.empty() ||
        !passages[i + 1].question.empty() || p.text.find('?') == std::string::npos ||
        !std::regex_search(p.text, member) || std::regex_search(p.text, minister) ||
        !std::regex_search(passages[i + 1].text.substr(0, 60), minister)) {
      continue;
    }
    passages[i].question = std::move(passages[i].text);
    passages[i].text = std::move(passages[i + 1].text);
    joined[i + 1] = true;
  }
  RemoveJoined(passages, joined);
}

// A report in reported speech: a member's turn ("De heer Bosman (VVD)
// vraagt …") goes with the minister's answers that name the member in
// their first sentence ("Tegen de heer Bosman zegt de minister …", "In
// antwoord op de vraag van mevrouw Van Leeuwen zegt de minister …"), as
// one passage: the turn its question, the answers its text.
void JoinReportedAnswersToTurns(std::vector<ParsedPassage>& passages) {
  // Reported, not spoken: the party in brackets, then the verb.
  static const regex member("^(?:De heer|Mevrouw) (" + kNameStart +
                            "[^():\\n]{1,40}?) \\([^()\\n]{1,40}\\) [a-z]");
  static const regex answers_heading(
      "\\b(minister|staatssecretaris|regering|kabinet|bewindspersoon)", icase);
  static const regex minister_speaks("\\b(de minister|de staatssecretaris)\\b", icase);
  struct Turn {
    size_t passage;
    std::string name;
    std::vector<size_t> answers;
  };
  std::vector<Turn> turns;
  bool answering = false;
  for (size_t i = 0; i < passages.size(); ++i) {
    const ParsedPassage& p = passages[i];
    if (!p.question.empty()) continue;
    std::smatch m;
    if (!answering && std::regex_search(p.text, m, member)) {
      turns.push_back(Turn{i, m[1].str(), {}});
      continue;
    }
    if (turns.empty()) continue;
    answering = answering || std::regex_search(p.heading, answers_heading) ||
                p.text.starts_with("De minister ") || p.text.starts_with("De staatssecretaris ");
    // A member's turn later on (a second round) answers no one.
    if (!answering || std::regex_search(p.text, member)) continue;
    // The answer names the member, and the minister, in its first sentence.
    const std::string first = p.text.substr(0, p.text.find_first_of(".?!"));
    if (!std::regex_search(first, minister_speaks)) continue;
    Turn* named = nullptr;
    size_t at = std::string::npos;
    for (Turn& t : turns) {
      for (const char* title : {"heer ", "evrouw "}) {
        const size_t found = first.find(title + t.name);
        if (found < at) {
          at = found;
          named = &t;
        }
      }
    }
    if (named != nullptr) named->answers.push_back(i);
  }
  std::vector<bool> joined(passages.size(), false);
  for (const Turn& t : turns) {
    if (t.answers.empty()) continue;
    std::vector<std::string> answers;
    for (size_t a : t.answers) {
      answers.push_back(std::move(passages[a].text));
      joined[a] = true;
    }
    ParsedPassage& turn = passages[t.passage];
    turn.question = std::move(turn.text);
    turn.text = Join(answers, "\n\n");
  }
  RemoveJoined(passages, joined);
}

// A report whose members' questions are tagged with their numbers ("…
// welk risico loopt Nederland daarbij? (vraag 1)") and answered after all
// of them under the same numbers ("1. De Europese Raad heeft …"): each
// question, from the tag before it, goes with its reply.
void JoinTaggedQuestionsToReplies(std::vector<ParsedPassage>& passages) {
  // (A tag may wrap, "(vraag" / "11)", and the extraction may take the
  // number on its own line for a list's: the next number, then.)
  static const regex tag("\\s?\\(vraag(?:\\s+([0-9]{1,3})\\)|\\s*$)");
  static const regex reply("^([0-9]{1,3})\\. +\\S");
  // The questions, in the passages that ask them.
  struct Asked {
    size_t passage;
    int number;
    std::string question;
  };
  std::vector<Asked> asked;
  size_t last_asking = 0;
  for (size_t i = 0; i < passages.size(); ++i) {
    const std::string& text = passages[i].text;
    if (!passages[i].question.empty()) continue;
    size_t from = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
      const auto at = static_cast<size_t>(it->position(0));
      const int number = (*it)[1].matched ? std::stoi((*it)[1].str())
                         : asked.empty()  ? 1
                                          : asked.back().number + 1;
      asked.push_back({i, number, std::string(Trim(text.substr(from, at - from)))});
      from = at + static_cast<size_t>(it->length(0));
      last_asking = i;
    }
    // What follows the passage's last tag goes with its question.
    if (from > 0 && !Trim(text.substr(from)).empty()) {
      asked.back().question += " " + std::string(Trim(text.substr(from)));
    }
  }
  constexpr size_t kMinTagged = 2;
  if (asked.size() < kMinTagged) return;
  // The replies after them, each with the unnumbered passages that follow
  // it under the same heading.
  std::map<int, std::vector<size_t>> replies;
  int current = 0;
  for (size_t i = last_asking + 1; i < passages.size(); ++i) {
    std::smatch m;
    if (std::regex_search(passages[i].text, m, reply)) {
      current = std::stoi(m[1].str());
      if (replies.contains(current)) return;
      replies[current].push_back(i);
    } else if (current != 0 && passages[i].heading == passages[replies[current].front()].heading) {
      replies[current].push_back(i);
    } else {
      current = 0;
    }
  }
  if (!std::all_of(asked.begin(), asked.end(),
                   [&](const Asked& a) { return replies.contains(a.number); })) {
    return;
  }
  std::vector<bool> used(passages.size(), false);
  std::map<size_t, std::vector<ParsedPassage>> at;  // the pairs, where their questions stood
  for (const Asked& a : asked) {
    std::vector<std::string> answer;
    for (size_t r : replies[a.number]) {
      answer.push_back(passages[r].text);
      used[r] = true;
    }
    // Without its number: "1. De Europese Raad …" → "De Europese Raad …".
    answer.front().erase(0, answer.front().find_first_not_of(' ', answer.front().find('.') + 1));
    at[a.passage].push_back(ParsedPassage{std::to_string(a.number), passages[a.passage].heading,
                                          a.question, Join(answer, "\n\n")});
    used[a.passage] = true;
  }
  std::vector<ParsedPassage> out;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (auto pairs = at.find(i); pairs != at.end()) {
      for (ParsedPassage& p : pairs->second) out.push_back(std::move(p));
    } else if (!used[i]) {
      out.push_back(std::move(passages[i]));
    }
  }
  passages = std::move(out);
}

}  // namespace loket::knowledge
