#include "devidp/internal/texts.h"

namespace loket::devidp::internal {

const nlohmann::json& PageTexts(Lang lang) {
  static const nlohmann::json kNl = {
      {"title", "Test-DigiD — geen echte DigiD"},
      {"brand", "Test-DigiD"},
      {"skip_to_content", "Direct naar de inhoud"},
      {"language_nav", "Taal"},
      {"warning_heading", "Let op: dit is geen echte DigiD"},
      {"warning_text",
       "Dit is een testomgeving. U logt hier niet in met uw eigen DigiD, maar als een verzonnen "
       "testpersoon. Vul nergens echte gegevens in."},
      {"intro", "Een website wil weten wie u bent. Kies met welke testpersoon u inlogt."},
      {"persons_heading", "Kies een testpersoon"},
      {"bsn", "BSN"},
      {"login_as", "Inloggen als"},
      {"cancel_heading", "Liever niet inloggen?"},
      {"cancel", "Annuleren en teruggaan"},
      {"switch_label", "English"},
      {"switch_lang", "en"},
      {"error_heading", "Inloggen met Test-DigiD lukt niet"},
      {"error_subheading", "Wat is er aan de hand?"},
      {"error_next", "Ga terug naar de website en probeer opnieuw in te loggen."},
      {"error_unknown_client", "De website die u hierheen stuurde, kent Test-DigiD niet."},
      {"error_unknown_redirect",
       "Het adres waar u na het inloggen heen zou gaan, kent Test-DigiD niet. Daarom sturen wij "
       "u daar niet heen."},
      {"error_bad_request", "Het verzoek om in te loggen is niet compleet of niet juist."},
      {"error_foreign_origin", "Dit formulier kwam niet van Test-DigiD zelf."},
      {"error_unknown_person", "Deze testpersoon bestaat niet. Kies een van de testpersonen."},
      {"error_busy", "Test-DigiD is even te druk. Probeer het over een minuut opnieuw."},
      {"error_not_ready", "Test-DigiD is nog niet klaar om te starten."},
      {"footer",
       "Test-DigiD hoort bij de demonstratieversie van Loket Buitenland. Alle personen en "
       "burgerservicenummers zijn verzonnen."},
  };
  static const nlohmann::json kEn = {
      {"title", "Test-DigiD — not the real DigiD"},
      {"brand", "Test-DigiD"},
      {"skip_to_content", "Skip to content"},
      {"language_nav", "Language"},
      {"warning_heading", "Please note: this is not the real DigiD"},
      {"warning_text",
       "This is a test environment. You do not log in with your own DigiD here, but as a made-up "
       "test person. Never enter real personal details."},
      {"intro", "A website wants to know who you are. Choose the test person you log in as."},
      {"persons_heading", "Choose a test person"},
      {"bsn", "BSN"},
      {"login_as", "Log in as"},
      {"cancel_heading", "Rather not log in?"},
      {"cancel", "Cancel and go back"},
      {"switch_label", "Nederlands"},
      {"switch_lang", "nl"},
      {"error_heading", "Logging in with Test-DigiD is not possible"},
      {"error_subheading", "What went wrong?"},
      {"error_next", "Go back to the website and try to log in again."},
      {"error_unknown_client", "Test-DigiD does not know the website that sent you here."},
      {"error_unknown_redirect",
       "Test-DigiD does not know the address you would go to after logging in. That is why we do "
       "not send you there."},
      {"error_bad_request", "The request to log in is incomplete or not valid."},
      {"error_foreign_origin", "This form did not come from Test-DigiD itself."},
      {"error_unknown_person", "This test person does not exist. Choose one of the test persons."},
      {"error_busy", "Test-DigiD is too busy right now. Please try again in a minute."},
      {"error_not_ready", "Test-DigiD is not ready yet."},
      {"footer",
       "Test-DigiD is part of the demonstration version of Loket Buitenland. All people and "
       "citizen service numbers (BSN) are made up."},
  };
  return lang == Lang::kEn ? kEn : kNl;
}

}  // namespace loket::devidp::internal
