#pragma once
// Reports and debates whose answers do not follow each question: a
// report whose minister reacts after all the parties' questions, a
// committee debate whose minister answers the members' turns at its end.
// Their passages, read in order, are paired here: the question asked, the
// answer given to it.
// Thread-safety: pure functions.

#include <string>
#include <vector>

#include "knowledge/document_parser.h"

namespace loket::knowledge {

// A paragraph in which members ask, as a nota naar aanleiding van het
// verslag quotes them: "De leden van de CDA-fractie vragen …", "Voorts
// vragen deze leden …", "De leden … hebben kennisgenomen …. Zij vragen …",
// "De leden … lezen dat …. Kan de regering …?".
bool MembersAsk(const std::string& paragraph);

// A paragraph of a debate's record that a speaker's label opens ("De heer
// Van Dijk (CDA): …", "Minister Van Leeuwen: …", "De voorzitter: …").
bool OpensTurn(const std::string& paragraph);

// A report whose minister's reaction follows all the members' questions
// ("I. Vragen en opmerkingen vanuit de fracties" … "II. Reactie van de
// minister", a section per party in both): each party's questions go with
// the reaction to them, as the passage's question and its answer.
void JoinReactionsToQuestions(std::vector<ParsedPassage>& passages);

// Questions numbered in their order, each block of a party's questions
// with the reaction to it ("Reactie van de minister"): where the block asks
// in as many paragraphs as the reaction answers in, each asking paragraph
// (with those before it that ask nothing) goes with its own answer. All are
// numbered anew in order; a text that numbers its questions itself
// ("NSC-1") keeps them as they are.
void PairAnswersParagraphByParagraph(std::vector<ParsedPassage>& passages);

// A nota's or memorie van antwoord's passage that opens with the members'
// question ("De leden van de VVD-fractie vragen …") and goes on with the
// government's answer: the members' paragraphs are its question, the rest
// its text.
void SplitMembersQuestions(std::vector<ParsedPassage>& passages);

// A committee debate's report: a member's turn goes with the minister's
// answers that name the member, as one passage, the turn its question;
// an interruption that asks, with the reply right after it, too.
void JoinDebateAnswersToTurns(std::vector<ParsedPassage>& passages);

// A report in reported speech ("De heer Bosman (VVD) vraagt …"): a
// member's turn goes with the minister's answers that name the member
// ("Tegen de heer Bosman zegt de minister …"), as one passage, the turn
// its question.
void JoinReportedAnswersToTurns(std::vector<ParsedPassage>& passages);

// A report whose members' questions are tagged with their numbers ("…?
// (vraag 1)") and answered after all of them under the same numbers ("1.
// …"): each question goes with its reply, as a passage of that number.
void JoinTaggedQuestionsToReplies(std::vector<ParsedPassage>& passages);

}  // namespace loket::knowledge
