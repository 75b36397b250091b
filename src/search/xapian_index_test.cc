#include "search/xapian_index.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "search/text.h"

namespace loket::search {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// A small, realistic corpus: services in Dutch and English, a life event, a
// country and a post.

constexpr char kSynonyms[] = R"(# Woorden die mensen gebruiken voor hetzelfde.
paspoort, reisdocument, passport, travel document
noodpaspoort, nooddocument, emergency passport, emergency travel document
aow, state pension, ouderdomspensioen, old age pension   # SVB
rijbewijs, driving licence, driver's license, drivers license
visum, visa, schengenvisum
emigreren, emigratie, verhuizen naar het buitenland, emigrate, emigration, moving abroad
stemmen, verkiezingen, voting, vote, elections
belasting, belastingen, tax, taxes
overlijden, overleden, death, died

# a line with one word is not a group
alleen
)";

struct Bilingual {
  std::string title_nl, title_en;
  std::string summary_nl, summary_en;
  std::string body_nl, body_en;
  std::vector<std::string> keywords_nl, keywords_en;
};

void AddBoth(std::vector<Document>& docs, const std::string& type, const std::string& id,
             const Bilingual& b, std::map<std::string, std::vector<std::string>> facets,
             int popularity) {
  const std::string section = type == "service"      ? "diensten"
                              : type == "life-event" ? "levensgebeurtenissen"
                              : type == "country"    ? "landen"
                                                     : "vestigingen";
  const std::string section_en = type == "service"      ? "services"
                                 : type == "life-event" ? "life-events"
                                 : type == "country"    ? "countries"
                                                        : "posts";
  Document nl;
  nl.type = type;
  nl.id = id;
  nl.lang = Lang::kNl;
  nl.title = b.title_nl;
  nl.summary = b.summary_nl;
  nl.body = b.body_nl;
  nl.keywords = b.keywords_nl;
  nl.url = "/nl/" + section + "/" + id;
  nl.facets = std::move(facets);
  nl.popularity = popularity;
  docs.push_back(nl);

  Document en = nl;
  en.lang = Lang::kEn;
  en.title = b.title_en;
  en.summary = b.summary_en;
  en.body = b.body_en;
  en.keywords = b.keywords_en;
  en.url = "/en/" + section_en + "/" + id;
  docs.push_back(en);
}

std::vector<Document> Corpus() {
  std::vector<Document> docs;
  AddBoth(docs, "service", "paspoort-buitenland",
          {"Paspoort aanvragen in het buitenland",
           "Applying for a passport abroad",
           "Woont u in het buitenland? Dan vraagt u een nieuw paspoort aan bij een ambassade of "
           "consulaat. Maak eerst een afspraak.",
           "Do you live abroad? Then you apply for a new passport at an embassy or consulate. "
           "Make an appointment first.",
           "U heeft een pasfoto nodig en uw oude paspoort. Bij de afspraak worden uw "
           "vingerafdrukken gescand. Het nieuwe paspoort is na ongeveer 2 weken klaar. Een "
           "paspoort voor volwassenen is 10 jaar geldig. U kunt het paspoort ophalen of laten "
           "opsturen.",
           "You need a passport photo and your old passport. At the appointment your "
           "fingerprints are scanned. The new passport is ready after about 2 weeks. A passport "
           "for adults is valid for 10 years. You can collect the passport or have it sent.",
           {"paspoort vernieuwen", "verlopen paspoort", "identiteitskaart"},
           {"renew passport", "expired passport", "identity card"}},
          {{"organisation", {"bz"}}, {"life-event", {"emigreren"}}}, 90);
  AddBoth(docs, "service", "noodpaspoort",
          {"Noodpaspoort aanvragen",
           "Applying for an emergency travel document",
           "Is uw paspoort kwijt of gestolen in het buitenland en moet u snel reizen? Vraag dan "
           "een noodpaspoort aan.",
           "Has your passport been lost or stolen abroad and do you need to travel soon? Then "
           "apply for an emergency travel document.",
           "Doe eerst aangifte bij de lokale politie. Een noodpaspoort is een tijdelijk "
           "reisdocument voor de terugreis naar Nederland. Het is maximaal 1 maand geldig.",
           "First report the loss to the local police. An emergency travel document is a "
           "temporary document for your journey back to the Netherlands. It is valid for at "
           "most 1 month.",
           {"paspoort kwijt", "paspoort gestolen", "laissez-passer"},
           {"lost passport", "stolen passport", "laissez-passer"}},
          {{"organisation", {"bz"}}}, 70);
  AddBoth(docs, "service", "visum-kort-verblijf",
          {"Visum aanvragen voor kort verblijf",
           "Applying for a short-stay visa",
           "Wilt u als buitenlander korter dan 90 dagen naar Nederland komen? Dan heeft u "
           "misschien een Schengenvisum nodig. U vraagt het aan in het land waar u woont, bij een "
           "Nederlandse "
           "ambassade in het buitenland.",
           "Do you want to come to the Netherlands for less than 90 days? Then you may need a "
           "Schengen visa. You apply in the country where you live.",
           "Vul het aanvraagformulier in & maak een afspraak voor uw biometrie. Binnen 15 dagen "
           "krijgt u een besluit. <script>alert('x')</script>",
           "Fill in the application form & book an appointment for your biometrics. You get "
           "a decision within 15 days. <script>alert('x')</script>",
           {"schengen", "visa", "toeristenvisum"},
           {"schengen", "tourist visa"}},
          {{"organisation", {"bz"}}}, 80);
  AddBoth(docs, "service", "digid-buitenland",
          {"DigiD aanvragen vanuit het buitenland",
           "Applying for DigiD from abroad",
           "Met DigiD logt u in bij de overheid. Woont u in het buitenland? Dan krijgt u uw "
           "activeringscode in een videogesprek.",
           "With DigiD you log in to government websites. Do you live abroad? Then you get your "
           "activation code in a video call.",
           "Vraag DigiD aan op digid.nl. Maak daarna een afspraak voor een videogesprek. U "
           "laat uw paspoort of identiteitskaart zien in de camera.",
           "Apply for DigiD at digid.nl. Then book a video call. You show your passport or "
           "identity card to the camera.",
           {"inloggen", "activeringscode", "digitale identiteit"},
           {"log in", "activation code", "digital identity"}},
          {{"organisation", {"logius"}}, {"life-event", {"emigreren"}}}, 75);
  AddBoth(docs, "service", "aow-buitenland",
          {"AOW als u in het buitenland woont",
           "AOW state pension when you live abroad",
           "Ook als u in het buitenland woont, kunt u recht hebben op AOW. De SVB betaalt de "
           "AOW uit in bijna alle landen.",
           "You can be entitled to the AOW state pension even if you live abroad. The SVB pays "
           "the AOW in almost every country.",
           "U bouwt AOW op voor elk jaar dat u in Nederland woont of werkt. Woonde u een tijd "
           "in het buitenland? Dan krijgt u minder. U kunt vrijwillig bijverzekeren.",
           "You build up AOW for every year you live or work in the Netherlands. Did you live "
           "abroad for a while? Then you get less. You can take out voluntary insurance.",
           {"pensioen", "ouderdomspensioen"},
           {"pension", "old age pension"}},
          {{"organisation", {"svb"}}, {"life-event", {"emigreren"}}}, 60);
  AddBoth(docs, "service", "rijbewijs-verlengen",
          {"Rijbewijs verlengen als u in het buitenland woont",
           "Renewing your Dutch driving licence when you live abroad",
           "Woont u in het buitenland en is uw Nederlandse rijbewijs bijna verlopen? Soms kunt "
           "u het in Nederland verlengen.",
           "Do you live abroad and is your Dutch driving licence about to expire? Sometimes you "
           "can renew it in the Netherlands.",
           "Voor het verlengen heeft u een gezondheidsverklaring nodig van het CBR. Daarna "
           "vraagt u het nieuwe rijbewijs aan bij de RDW.",
           "To renew you need a health declaration from the CBR. Then you apply for the new "
           "licence at the RDW.",
           {"rijbewijs vernieuwen", "verlopen rijbewijs"},
           {"driver's license", "renew licence"}},
          {{"organisation", {"rdw"}}}, 50);
  AddBoth(docs, "service", "stemmen-buitenland",
          {"Stemmen vanuit het buitenland",
           "Voting from abroad",
           "Woont u in het buitenland? Dan kunt u stemmen bij de verkiezingen voor de Tweede "
           "Kamer en het Europees Parlement. Registreer u eerst als kiezer.",
           "Do you live abroad? Then you can vote in the elections for the House of "
           "Representatives and the European Parliament. Register as a voter first.",
           "U stemt per brief of bij een ambassade. De gemeente Den Haag stuurt u het "
           "briefstembewijs.",
           "You vote by post or at an embassy. The municipality of The Hague sends you the "
           "postal voting certificate.",
           {"verkiezingen", "kiezer", "briefstemmen"},
           {"elections", "voter", "postal vote"}},
          {{"organisation", {"gemeente-den-haag"}}}, 40);
  AddBoth(docs, "service", "belasting-emigratie",
          {"Belasting bij emigratie",
           "Taxes when you emigrate",
           "Gaat u in het buitenland wonen? Dan moet u in het jaar van emigratie een "
           "M-formulier invullen voor de inkomstenbelasting.",
           "Are you moving abroad? In the year you emigrate you file an M form for income "
           "tax.",
           "Met het M-formulier doet u aangifte over het deel van het jaar dat u in Nederland "
           "woonde. Geef uw nieuwe adres door aan de Belastingdienst.",
           "With the M form you declare your income for the part of the year you lived in the "
           "Netherlands. Give your new address to the tax authorities.",
           {"inkomstenbelasting", "aangifte", "m-formulier"},
           {"income tax", "tax return", "m form"}},
          {{"organisation", {"belastingdienst"}}, {"life-event", {"emigreren"}}}, 55);
  AddBoth(docs, "service", "studiefinanciering-buitenland",
          {"Studiefinanciering voor een studie in het buitenland",
           "Student finance for studying abroad",
           "Gaat u in het buitenland studeren? Soms kunt u uw studiefinanciering meenemen.",
           "Are you going to study abroad? Sometimes you can take your student finance with "
           "you.",
           "DUO kijkt of uw opleiding in het buitenland voldoet. U moet ook aan de "
           "3-uit-6-regel voldoen.",
           "DUO checks whether your course abroad qualifies. You must also meet the "
           "3-out-of-6 rule.",
           {"studeren", "stufi", "lening"},
           {"studying", "student loan"}},
          {{"organisation", {"duo"}}, {"life-event", {"studeren-buitenland"}}}, 45);
  AddBoth(docs, "service", "overlijden-buitenland",
          {"Overlijden in het buitenland",
           "Death abroad",
           "Is een familielid of vriend in het buitenland overleden? De ambassade kan u "
           "helpen.",
           "Has a relative or friend died abroad? The embassy can help you.",
           "Meld het overlijden bij de ambassade of het consulaat. Wij helpen met de "
           "overbrenging naar Nederland en met het registreren van de akte.",
           "Report the death to the embassy or consulate. We help with repatriation to the "
           "Netherlands and with registering the certificate.",
           {"sterfgeval", "familielid overleden"},
           {"bereavement", "relative died"}},
          {{"organisation", {"bz"}}, {"life-event", {"overlijden-buitenland"}}}, 30);
  AddBoth(docs, "service", "uitschrijven-gemeente",
          {"Uitschrijven bij vertrek naar het buitenland",
           "Deregistering when you move abroad",
           "Gaat u langer dan 8 maanden in het buitenland wonen? Meld uw emigratie dan bij uw "
           "gemeente.",
           "Are you going to live abroad for more than 8 months? Report your emigration to your "
           "municipality.",
           "U meldt uw vertrek uiterlijk 5 dagen voor u vertrekt. U krijgt dan een inschrijving "
           "in de RNI.",
           "Report your departure at the latest 5 days before you leave. You are then "
           "registered in the RNI.",
           {"verhuizen", "vertrek"},
           {"moving", "departure"}},
          {{"organisation", {"gemeente-den-haag"}}, {"life-event", {"emigreren"}}}, 65);
  AddBoth(docs, "life-event", "emigreren",
          {"Verhuizen naar het buitenland",
           "Moving abroad",
           "Alles wat u regelt als u in het buitenland gaat wonen: van uitschrijven tot AOW.",
           "Everything to arrange when you move abroad: from deregistering to the state "
           "pension.",
           "Schrijf u uit bij de gemeente, regel uw belasting, en vraag DigiD aan.",
           "Deregister at your municipality, arrange your taxes and apply for DigiD.",
           {"emigratie"},
           {"emigration"}},
          {{"life-event", {"emigreren"}}}, 85);
  AddBoth(docs, "country", "fr",
          {"Frankrijk",
           "France",
           "Reisadvies, ambassade en consulaire hulp in Frankrijk.",
           "Travel advice, embassy and consular help in France.",
           "Nederlanders in Frankrijk kunnen terecht bij de ambassade in Parijs.",
           "Dutch nationals in France can go to the embassy in Paris.",
           {},
           {}},
          {{"country", {"FR"}}}, 20);
  AddBoth(docs, "post", "ambassade-parijs",
          {"Ambassade in Parijs",
           "Embassy in Paris",
           "De Nederlandse ambassade in Parijs, Frankrijk. Loket voor paspoort, "
           "identiteitskaart en visum.",
           "The Netherlands embassy in Paris, France. Counter for passport, identity card and "
           "visa.",
           "7 Rue Eblé, 75007 Parijs. Open maandag tot en met vrijdag van 9.00 tot 12.30 uur, "
           "alleen op afspraak.",
           "7 Rue Eblé, 75007 Paris. Open Monday to Friday from 9:00 to 12:30, by appointment "
           "only.",
           {},
           {}},
          {{"country", {"FR"}}, {"organisation", {"bz"}}}, 10);
  return docs;
}

size_t CountServices() {
  std::set<std::string> ids;
  for (const auto& d : Corpus()) {
    if (d.type == "service") ids.insert(d.id);
  }
  return ids.size();
}

// ---------------------------------------------------------------------------

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "loket-search-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The hunspell dictionary that splits Dutch compounds, where Debian's
// hunspell-nl installs it.
constexpr char kDutchDictionary[] = "/usr/share/hunspell/nl";

std::vector<std::string> GenerationDirs(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind("gen-", 0) == 0) out.push_back(name);
  }
  return out;
}

std::unique_ptr<SearchIndex> Open(const fs::path& dir,
                                  std::chrono::milliseconds reload = std::chrono::seconds(1)) {
  XapianOptions options;
  options.directory = dir;
  options.synonyms = ParseSynonyms(kSynonyms);
  options.reload_interval = reload;
  auto index = OpenXapianIndex(options);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return std::move(index).value();
}

// 1-based rank of the id among the hits, 0 when absent.
size_t Rank(const Results& results, const std::string& id) {
  for (size_t i = 0; i < results.hits.size(); ++i) {
    if (results.hits[i].id == id) return i + 1;
  }
  return 0;
}

std::string Describe(const Results& results) {
  std::string out;
  for (const auto& h : results.hits) out += h.type + "/" + h.id + " ";
  if (results.suggestion) out += "(suggestion: " + *results.suggestion + ")";
  return out;
}

class XapianIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = Open(dir_->path()).release();
    ASSERT_TRUE(index_->Rebuild(Corpus()).ok());
  }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
    delete dir_;
    dir_ = nullptr;
  }

  static Results Search(const std::string& text, Lang lang = Lang::kNl,
                        std::optional<std::string> type = std::nullopt,
                        std::map<std::string, std::string> facets = {}, size_t limit = 10,
                        size_t offset = 0) {
    Query q;
    q.text = text;
    q.lang = lang;
    q.type = std::move(type);
    q.facet_filters = std::move(facets);
    q.limit = limit;
    q.offset = offset;
    auto r = index_->Search(q);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    return r.ok() ? std::move(r).value() : Results{};
  }

  static TempDir* dir_;
  static SearchIndex* index_;
};

TempDir* XapianIndexTest::dir_ = nullptr;
SearchIndex* XapianIndexTest::index_ = nullptr;

struct Case {
  const char* query;
  Lang lang;
  const char* id;
};

TEST_F(XapianIndexTest, CountsEveryLanguageVersion) {
  EXPECT_EQ(index_->DocumentCount(), Corpus().size());
}

TEST_F(XapianIndexTest, ExactWordsFindTheItemFirst) {
  const Case cases[] = {
      {"paspoort", Lang::kNl, "paspoort-buitenland"},
      {"noodpaspoort", Lang::kNl, "noodpaspoort"},
      {"paspoort kwijt", Lang::kNl, "noodpaspoort"},
      {"visum", Lang::kNl, "visum-kort-verblijf"},
      {"DigiD", Lang::kNl, "digid-buitenland"},
      {"AOW", Lang::kNl, "aow-buitenland"},
      {"rijbewijs verlengen", Lang::kNl, "rijbewijs-verlengen"},
      {"stemmen", Lang::kNl, "stemmen-buitenland"},
      {"studiefinanciering", Lang::kNl, "studiefinanciering-buitenland"},
      {"overlijden", Lang::kNl, "overlijden-buitenland"},
      {"uitschrijven gemeente", Lang::kNl, "uitschrijven-gemeente"},
      {"Frankrijk", Lang::kNl, "fr"},
      {"ambassade Parijs", Lang::kNl, "ambassade-parijs"},
      {"passport", Lang::kEn, "paspoort-buitenland"},
      {"lost passport", Lang::kEn, "noodpaspoort"},
      {"driving licence", Lang::kEn, "rijbewijs-verlengen"},
      {"student finance", Lang::kEn, "studiefinanciering-buitenland"},
      {"Paspoorten", Lang::kNl, "paspoort-buitenland"},  // capital and plural
  };
  for (const auto& c : cases) {
    Results r = Search(c.query, c.lang);
    EXPECT_EQ(Rank(r, c.id), 1u) << c.query << " -> " << Describe(r);
  }
}

TEST_F(XapianIndexTest, EnglishOnTheDutchSiteFindsTheDutchPage) {
  const Case cases[] = {
      {"passport", Lang::kNl, "paspoort-buitenland"},
      {"voting from abroad", Lang::kNl, "stemmen-buitenland"},
      {"how do I renew my driving licence", Lang::kNl, "rijbewijs-verlengen"},
      {"emergency travel document", Lang::kNl, "noodpaspoort"},
      {"death abroad", Lang::kNl, "overlijden-buitenland"},
  };
  for (const auto& c : cases) {
    Results r = Search(c.query, c.lang);
    ASSERT_EQ(Rank(r, c.id), 1u) << c.query << " -> " << Describe(r);
    const Hit& hit = r.hits.front();
    EXPECT_EQ(hit.lang, Lang::kNl) << c.query;
    EXPECT_EQ(hit.url.rfind("/nl/", 0), 0u) << c.query << " " << hit.url;
  }
  Results r = Search("passport", Lang::kNl);
  EXPECT_EQ(r.hits.front().title, "Paspoort aanvragen in het buitenland");
}

TEST_F(XapianIndexTest, SingleTyposStillFindTheItem) {
  const Case first[] = {
      {"paspport", Lang::kNl, "paspoort-buitenland"},
      {"pasport", Lang::kNl, "paspoort-buitenland"},
      {"rijbewjis", Lang::kNl, "rijbewijs-verlengen"},
      {"studiefinancierng", Lang::kNl, "studiefinanciering-buitenland"},
      {"pasport", Lang::kEn, "paspoort-buitenland"},
  };
  for (const auto& c : first) {
    Results r = Search(c.query, c.lang);
    EXPECT_EQ(Rank(r, c.id), 1u) << c.query << " -> " << Describe(r);
  }
  const Case top3[] = {
      {"visum aanvragne", Lang::kNl, "visum-kort-verblijf"},
      {"stemmen buitenlnad", Lang::kNl, "stemmen-buitenland"},
      {"belastign emigratie", Lang::kNl, "belasting-emigratie"},
      {"overlijdn buitenland", Lang::kNl, "overlijden-buitenland"},
      {"drivng licence", Lang::kEn, "rijbewijs-verlengen"},
  };
  for (const auto& c : top3) {
    Results r = Search(c.query, c.lang);
    size_t rank = Rank(r, c.id);
    EXPECT_GE(rank, 1u) << c.query << " -> " << Describe(r);
    EXPECT_LE(rank, 3u) << c.query << " -> " << Describe(r);
  }
}

TEST_F(XapianIndexTest, DidYouMean) {
  Results r = Search("paspport");
  ASSERT_TRUE(r.suggestion.has_value());
  EXPECT_EQ(*r.suggestion, "paspoort");
  EXPECT_TRUE(r.corrected);  // the typed word finds nothing on its own
  EXPECT_EQ(Rank(r, "paspoort-buitenland"), 1u);

  // The other word finds something: suggest, keep what was typed, and add
  // what the intended word finds.
  r = Search("belastign emigratie");
  ASSERT_TRUE(r.suggestion.has_value());
  EXPECT_EQ(*r.suggestion, "belasting emigratie");
  EXPECT_FALSE(r.corrected);

  // The user's own spelling of the other words is kept.
  r = Search("Visum aanvragne");
  ASSERT_TRUE(r.suggestion.has_value());
  EXPECT_EQ(*r.suggestion, "Visum aanvragen");

  r = Search("paspoort");
  EXPECT_FALSE(r.suggestion.has_value());
  EXPECT_FALSE(r.corrected);

  // Inflected forms and short words are not typos.
  for (const char* text : {"paspoorten", "Passports", "ind", "wij"}) {
    EXPECT_FALSE(Search(text).suggestion.has_value()) << text;
  }

  // Words of the synonym list are words, not typos.
  r = Search("reisdocument");
  EXPECT_FALSE(r.suggestion.has_value());

  r = Search("xqzvw");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_FALSE(r.suggestion.has_value());
}

TEST_F(XapianIndexTest, Synonyms) {
  const Case cases[] = {
      {"reisdocument", Lang::kNl, "paspoort-buitenland"},
      {"reisdocumenten", Lang::kNl, "paspoort-buitenland"},
      {"travel document", Lang::kEn, "paspoort-buitenland"},
      {"state pension", Lang::kEn, "aow-buitenland"},
      {"state pension", Lang::kNl, "aow-buitenland"},
      {"ouderdomspensioen", Lang::kNl, "aow-buitenland"},
      {"verkiezingen", Lang::kNl, "stemmen-buitenland"},
      {"emigrate", Lang::kNl, "belasting-emigratie"},
  };
  for (const auto& c : cases) {
    Results r = Search(c.query, c.lang);
    size_t rank = Rank(r, c.id);
    EXPECT_GE(rank, 1u) << c.query << " -> " << Describe(r);
    EXPECT_LE(rank, 3u) << c.query << " -> " << Describe(r);
  }
  EXPECT_EQ(Rank(Search("reisdocument"), "paspoort-buitenland"), 1u);
  EXPECT_EQ(Rank(Search("state pension", Lang::kNl), "aow-buitenland"), 1u);
  // The hit is in the requested language although the words matched the
  // other language's page.
  Results r = Search("state pension", Lang::kNl);
  EXPECT_EQ(r.hits.front().url, "/nl/diensten/aow-buitenland");
}

TEST_F(XapianIndexTest, AsYouTypeCompletesTheLastWord) {
  EXPECT_EQ(Rank(Search("paspo"), "paspoort-buitenland"), 1u);
  EXPECT_EQ(Rank(Search("studiefin"), "studiefinanciering-buitenland"), 1u);
  EXPECT_EQ(Rank(Search("rijbewijs verl"), "rijbewijs-verlengen"), 1u);
  // A complete word is not widened: "pas" must not drag in every "pas…".
  Results complete = Search("stemmen");
  EXPECT_EQ(Rank(complete, "stemmen-buitenland"), 1u);
}

TEST_F(XapianIndexTest, FacetCountsOverAllMatchesOncePerItem) {
  Results r = Search("buitenland", Lang::kNl, "service", {}, 3);
  EXPECT_EQ(r.total, CountServices());
  EXPECT_EQ(r.hits.size(), 3u);
  std::map<std::string, size_t> orgs;
  for (const auto& fc : r.facets["organisation"]) orgs[fc.value] = fc.count;
  EXPECT_EQ(orgs["bz"], 4u);  // passport, emergency document, visa, death
  EXPECT_EQ(orgs["svb"], 1u);
  EXPECT_EQ(orgs["gemeente-den-haag"], 2u);
  EXPECT_EQ(orgs["duo"], 1u);
  ASSERT_FALSE(r.facets["organisation"].empty());
  EXPECT_EQ(r.facets["organisation"].front().value, "bz");  // most first

  std::map<std::string, size_t> events;
  for (const auto& fc : r.facets["life-event"]) events[fc.value] = fc.count;
  EXPECT_EQ(events["emigreren"], 5u);
  EXPECT_EQ(events["studeren-buitenland"], 1u);

  Results all = Search("ambassade");
  std::map<std::string, size_t> countries;
  for (const auto& fc : all.facets["country"]) countries[fc.value] = fc.count;
  EXPECT_EQ(countries["FR"], 2u);  // the country page and the post
}

TEST_F(XapianIndexTest, FacetFiltersRestrictResults) {
  Results r = Search("buitenland", Lang::kNl, std::nullopt, {{"organisation", "svb"}});
  ASSERT_EQ(r.hits.size(), 1u) << Describe(r);
  EXPECT_EQ(r.hits[0].id, "aow-buitenland");
  EXPECT_EQ(r.total, 1u);

  r = Search("buitenland", Lang::kNl, std::nullopt, {{"life-event", "emigreren"}});
  EXPECT_EQ(r.total, 6u) << Describe(r);  // five services and the life event itself
}

TEST_F(XapianIndexTest, TypeFilter) {
  Results r = Search("paspoort", Lang::kNl, "post");
  ASSERT_EQ(r.hits.size(), 1u) << Describe(r);
  EXPECT_EQ(r.hits[0].id, "ambassade-parijs");

  r = Search("paspoort", Lang::kNl, "service");
  for (const auto& h : r.hits) EXPECT_EQ(h.type, "service");
  EXPECT_EQ(Rank(r, "paspoort-buitenland"), 1u);

  r = Search("France", Lang::kNl, "country");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].title, "Frankrijk");

  EXPECT_TRUE(Search("paspoort", Lang::kNl, "no-such-type").hits.empty());
}

TEST_F(XapianIndexTest, EachItemOnceInTheRequestedLanguage) {
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    // Words of both languages: both versions of many items match.
    Results r = Search("paspoort passport buitenland abroad", lang, std::nullopt, {}, 100);
    std::set<std::string> keys;
    for (const auto& h : r.hits) {
      EXPECT_TRUE(keys.insert(h.type + ":" + h.id).second) << "duplicate " << h.id;
      EXPECT_EQ(h.lang, lang) << h.id;
      EXPECT_EQ(h.url.rfind(lang == Lang::kNl ? "/nl/" : "/en/", 0), 0u) << h.url;
    }
    EXPECT_EQ(r.total, r.hits.size());
    EXPECT_EQ(Rank(r, "paspoort-buitenland"), 1u) << Describe(r);
  }
}

TEST_F(XapianIndexTest, SnippetsAreEscapedAndHighlighted) {
  Results r = Search("paspoort");
  ASSERT_FALSE(r.hits.empty());
  const std::string& snippet = r.hits.front().snippet;
  EXPECT_NE(snippet.find("<mark>paspoort</mark>"), std::string::npos) << snippet;
  EXPECT_LE(snippet.size(), 400u) << snippet;

  r = Search("biometrie besluit");
  ASSERT_EQ(Rank(r, "visum-kort-verblijf"), 1u) << Describe(r);
  const std::string& visa = r.hits.front().snippet;
  EXPECT_NE(visa.find("<mark>"), std::string::npos) << visa;
  EXPECT_EQ(visa.find("<script>"), std::string::npos) << visa;
  EXPECT_NE(visa.find("&lt;script&gt;"), std::string::npos) << visa;
  EXPECT_NE(visa.find("&amp;"), std::string::npos) << visa;
  // Only our own markup is left unescaped.
  std::string stripped = visa;
  for (const std::string tag : {"<mark>", "</mark>"}) {
    for (size_t p; (p = stripped.find(tag)) != std::string::npos;) stripped.erase(p, tag.size());
  }
  EXPECT_EQ(stripped.find('<'), std::string::npos) << visa;
}

TEST_F(XapianIndexTest, EmptyAndPunctuationQueriesFindNothing) {
  for (const char* text : {"", "   ", "\t\n", "?!.,", "---", "\"\"", "()", "*"}) {
    Results r = Search(text);
    EXPECT_TRUE(r.hits.empty()) << "[" << text << "]";
    EXPECT_EQ(r.total, 0u) << "[" << text << "]";
    EXPECT_FALSE(r.suggestion.has_value());
  }
}

TEST_F(XapianIndexTest, SyntaxErrorsFallBackToTheWords) {
  for (const char* text :
       {"paspoort AND", "NOT paspoort", "paspoort OR OR", "\"paspoort", "((paspoort", "paspoort)",
        "title:", "+-paspoort", "paspoort NEAR", "AND OR NOT", "paspoort ~", "paspoort\xff\xfe"}) {
    Results r = Search(text);  // never an error
    if (std::string(text) != "AND OR NOT" && std::string(text) != "title:") {
      EXPECT_EQ(Rank(r, "paspoort-buitenland"), 1u) << text << " -> " << Describe(r);
    }
  }
  // Operators people do mean.
  Results without = Search("visum -schengen");
  EXPECT_EQ(Rank(without, "visum-kort-verblijf"), 0u) << Describe(without);
  Results required = Search("paspoort +kwijt");
  EXPECT_EQ(Rank(required, "noodpaspoort"), 1u) << Describe(required);
  EXPECT_EQ(Rank(required, "paspoort-buitenland"), 0u) << Describe(required);
  EXPECT_EQ(Rank(Search("\"visum aanvragen\""), "visum-kort-verblijf"), 1u);
  // Words joined by a hyphen are a phrase to Xapian; they still match apart.
  EXPECT_EQ(Rank(Search("AOW-pensioen"), "aow-buitenland"), 1u);
  EXPECT_EQ(Rank(Search("rijbewijs-verlengen"), "rijbewijs-verlengen"), 1u);
  Results title = Search("title:paspoort");
  EXPECT_EQ(Rank(title, "paspoort-buitenland"), 1u) << Describe(title);
}

TEST_F(XapianIndexTest, LongQueriesAreCutAndFast) {
  std::string text;
  while (text.size() < 20000) text += "paspoort aanvragen buitenland ambassade ";
  auto start = std::chrono::steady_clock::now();
  Results r = Search(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(Rank(r, "paspoort-buitenland"), 1u);
  EXPECT_LT(elapsed, std::chrono::seconds(2));

  std::string words;
  for (int i = 0; i < 1000; ++i) words += "w" + std::to_string(i) + "x ";
  EXPECT_TRUE(Search(words).hits.empty());
}

TEST_F(XapianIndexTest, Pagination) {
  Results first = Search("buitenland", Lang::kNl, std::nullopt, {}, 4, 0);
  Results second = Search("buitenland", Lang::kNl, std::nullopt, {}, 4, 4);
  EXPECT_EQ(first.total, second.total);
  ASSERT_EQ(first.hits.size(), 4u);
  ASSERT_FALSE(second.hits.empty());
  for (const auto& h : second.hits) EXPECT_EQ(Rank(first, h.id), 0u) << h.id;
  Results none = Search("buitenland", Lang::kNl, std::nullopt, {}, 0, 0);
  EXPECT_TRUE(none.hits.empty());
  EXPECT_EQ(none.total, first.total);
}

// ---------------------------------------------------------------------------
// Indexes of their own.

Document Simple(const std::string& id, const std::string& title, const std::string& body,
                int popularity) {
  Document d;
  d.type = "service";
  d.id = id;
  d.title = title;
  d.body = body;
  d.url = "/nl/diensten/" + id;
  d.popularity = popularity;
  return d;
}

TEST(XapianIndexOwnTest, PopularityOnlyBreaksTies) {
  TempDir dir;
  auto index = Open(dir.path());
  ASSERT_TRUE(index
                  ->Rebuild({Simple("rare", "Legalisatie van documenten", "Stempel.", 5),
                             Simple("popular", "Legalisatie van documenten", "Stempel.", 95),
                             Simple("relevant", "Legalisatie", "Legalisatie legalisatie.", 0),
                             Simple("other", "Iets anders", "Over legalisatie.", 100)})
                  .ok());
  Query q;
  q.text = "legalisatie documenten";
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_LT(Rank(*r, "popular"), Rank(*r, "rare")) << Describe(*r);
  // The most popular document that only mentions the word in passing stays
  // below the one about it.
  q.text = "legalisatie";
  r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_LT(Rank(*r, "relevant"), Rank(*r, "other")) << Describe(*r);
}

Document Passage(const std::string& id, const std::string& question, const std::string& answer) {
  Document d;
  d.type = "knowledge";
  d.id = id;
  d.title = "Vraag " + id;
  d.index_title = false;
  d.summary = question;
  d.body = answer;
  d.full_text = question + "\n\n" + answer;
  d.attributes = {{"document", "Vragen en antwoorden"}, {"number", id}};
  d.url = "/kennisbank/" + id;
  return d;
}

// Six passages on the budget, which none of the tests asks about: the words
// a test asks for become rare enough to weigh.
void AddPassagesOnAnotherSubject(std::vector<Document>& passages) {
  for (int i = 0; i < 6; ++i) {
    passages.push_back(Passage("begroting-" + std::to_string(i), "Hoe gaat het met de begroting?",
                               "Goed (" + std::to_string(i) + ")."));
  }
}

// A knowledge search for `text` (failing the test when the search fails).
Results SearchKnowledge(SearchIndex& index, const std::string& text) {
  Query q;
  q.type = "knowledge";
  q.text = text;
  auto r = index.Search(q);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Results{};
}

TEST(AnswerKindsTest, WhatATextGivesAndWhatAQuestionAsks) {
  using K = std::vector<AnswerKind>;
  EXPECT_EQ(AnswerKindsIn("De leges bedragen € 90 voor volwassenen."), K{AnswerKind::kMoney});
  EXPECT_EQ(AnswerKindsIn("Wij beslissen binnen vijftien kalenderdagen."),
            K{AnswerKind::kDuration});
  EXPECT_EQ(AnswerKindsIn("In 2024 werden 742.000 aanvragen ingediend, 17 procent meer."),
            K{AnswerKind::kQuantity});
  EXPECT_EQ(AnswerKindsIn("A fee of 45 euro, paid within 6 weeks."),
            (K{AnswerKind::kMoney, AnswerKind::kDuration}));
  // A year is no quantity, a date no length of time.
  EXPECT_EQ(AnswerKindsIn("Sinds 11 juni 2024 werkt het ministerie eraan."), K{});
  EXPECT_EQ(AnswerKindsAsked(Tokenize("Wat kost een visum voor mijn schoonmoeder?")),
            K{AnswerKind::kMoney});
  EXPECT_EQ(AnswerKindsAsked(Tokenize("hoe lang duurt een paspoortaanvraag")),
            K{AnswerKind::kDuration});
  EXPECT_EQ(AnswerKindsAsked(Tokenize("hoeveel gedetineerden")), K{AnswerKind::kQuantity});
  EXPECT_EQ(AnswerKindsAsked(Tokenize("lang paspoort")), K{});
  EXPECT_EQ(AnswerKindsAsked(Tokenize("visum aanvragen")), K{});
}

TEST(XapianIndexOwnTest, PassageThatGivesTheKindOfAnswerAskedForComesFirst) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  auto index = OpenXapianIndex(options);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  std::vector<Document> passages = {
      Passage("regels", "Welke regels gelden er?",
              "Voor een visum gelden de regels van de Visumcode; een visum geeft toegang tot het "
              "Schengengebied."),
      Passage("leges", "Hoe hoog zijn de leges?",
              "Voor een visum betaalt een volwassene € 90 aan leges.")};
  AddPassagesOnAnotherSubject(passages);
  ASSERT_TRUE((*index)->Rebuild(passages).ok());
  // The passage that names the word more often leads where no kind of
  // answer is asked for; an amount of money is asked for with "wat kost".
  Results plain = SearchKnowledge(**index, "visum");
  EXPECT_LT(Rank(plain, "regels"), Rank(plain, "leges")) << Describe(plain);
  Results cost = SearchKnowledge(**index, "wat kost een visum");
  EXPECT_EQ(Rank(cost, "leges"), 1u) << Describe(cost);
  EXPECT_EQ(Rank(cost, "regels"), 2u) << Describe(cost);
}

TEST(XapianIndexOwnTest, DutchCompoundsFindTheirPartsAndTheOtherWayRound) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.compound_dictionary = kDutchDictionary;
  auto index = OpenXapianIndex(options);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  ASSERT_TRUE((*index)
                  ->Rebuild({Passage("1", "Hoe staat het met de informatiebeveiliging?",
                                     "Het ministerie werkt aan verbeteringen."),
                             Passage("2", "Wordt het personeel van de ambassade gevaccineerd?",
                                     "Vaccins zijn naar de posten gestuurd."),
                             Passage("3", "Hoe gaat het met de begroting?", "Goed.")})
                  .ok());
  Query q;
  q.type = "knowledge";
  q.text = "beveiliging van informatie";
  auto r = (*index)->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Rank(*r, "1"), 1u) << Describe(*r);
  q.text = "ambassadepersoneel";
  r = (*index)->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Rank(*r, "2"), 1u) << Describe(*r);
}

TEST(XapianIndexOwnTest, RelatedWordsFindPassagesBelowTheWordItself) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.related = ParseSynonyms(
      "sanctie, strafmaatregel, strafmaatregelen, embargo\n"
      "ambassade, post, diplomatieke post  # phrases are left out\n"
      "personeel, staf\n");
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  ASSERT_TRUE(index
                  .Rebuild({Passage("sancties", "Welke sancties gelden er tegen Rusland?",
                                    "De Europese Unie heeft sancties ingesteld."),
                            Passage("straf", "Welke strafmaatregelen neemt het kabinet?",
                                    "Het kabinet neemt strafmaatregelen tegen Rusland."),
                            Passage("posten", "Hoeveel posten zijn er in Europa?",
                                    "Er zijn 41 posten in Europa."),
                            Passage("begroting", "Hoe gaat het met de begroting?", "Goed."),
                            Passage("personeel", "Is er genoeg personeel?", "Ja."),
                            Passage("vonnis", "Hoe zwaar was de straf?", "Tien jaar.")})
                  .ok());
  auto search = [&](const std::string& text) { return SearchKnowledge(index, text); };
  // Each word finds its own passage first, then the one with the related word.
  Results r = search("strafmaatregelen");
  EXPECT_EQ(Rank(r, "straf"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "sancties"), 2u) << Describe(r);
  EXPECT_EQ(r.hits.size(), 2u) << Describe(r);
  r = search("sanctie");
  EXPECT_EQ(Rank(r, "sancties"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "straf"), 2u) << Describe(r);
  // Inflected forms are looked up by their stem; a related word in the
  // plural finds the singular.
  r = search("ambassades Europa");
  EXPECT_EQ(Rank(r, "posten"), 1u) << Describe(r);
  // Related words add weight; they never bring back what the query excludes.
  r = search("strafmaatregelen -kabinet");
  EXPECT_EQ(Rank(r, "straf"), 0u) << Describe(r);
  // A word of a group is a word, not a typo ("staf" is not "straf").
  r = search("staf");
  EXPECT_FALSE(r.suggestion.has_value()) << *r.suggestion;
  EXPECT_EQ(Rank(r, "personeel"), 1u) << Describe(r);
  EXPECT_EQ(r.hits.size(), 1u) << Describe(r);
  // Words in no group expand to nothing.
  r = search("begroting");
  EXPECT_EQ(r.hits.size(), 1u) << Describe(r);
}

// A related word that is rarer than the word asked for counts less than
// the word, not more: its rarity is that of the group.
TEST(XapianIndexOwnTest, ARareRelatedWordDoesNotOutrankTheWordItself) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.related = ParseSynonyms("paspoort, paspoorten, reisdocument, reisdocumenten\n");
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  std::vector<Document> passages = {Passage("tarieven", "Waarom stijgen de uitgaven?",
                                            "De tarieven voor reisdocumenten stijgen."),
                                    Passage("aanvragen", "Hoeveel paspoorten zijn aangevraagd?",
                                            "Er zijn 118.000 paspoorten "
                                            "aangevraagd.")};
  for (int i = 0; i < 6; ++i) {
    passages.push_back(Passage("ander-" + std::to_string(i), "Wat kost een paspoort?",
                               "Een paspoort kost " + std::to_string(70 + i) + " euro."));
  }
  ASSERT_TRUE(index.Rebuild(passages).ok());
  Results r = SearchKnowledge(index, "paspoort");
  EXPECT_EQ(Rank(r, "tarieven"), passages.size()) << Describe(r);
  EXPECT_LT(Rank(r, "aanvragen"), Rank(r, "tarieven")) << Describe(r);
}

// A word the dictionary lists as a word of its own is split only when the
// corpus uses its parts more than the word: "minister" is no "ster", and
// "buitenland" no "land"; "sanctiepakketten" is still "sancties".
TEST(XapianIndexOwnTest, ListedWordsSplitOnlyWhenTheirPartsAreCommoner) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.compound_dictionary = kDutchDictionary;
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  std::vector<Document> passages = {
      Passage("minister", "Reist de minister naar het buitenland?", "De minister reist vaak."),
      Passage("pakketten", "Hoeveel sanctiepakketten zijn er?", "Er zijn elf sanctiepakketten."),
      Passage("ster", "Welke ster staat op de vlag?", "Een gele ster."),
      Passage("land", "Welk land is het grootst?", "Rusland.")};
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    passages.push_back(Passage("sancties-" + n, "Welke sancties gelden er?", "Sancties " + n));
    passages.push_back(Passage("pakket-" + n, "Wat zit in het pakket?", "Een pakket " + n));
  }
  ASSERT_TRUE(index.Rebuild(passages).ok());
  Results r = SearchKnowledge(index, "ster");
  EXPECT_EQ(Rank(r, "ster"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "minister"), 0u) << Describe(r);
  r = SearchKnowledge(index, "land");
  EXPECT_EQ(Rank(r, "land"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "minister"), 0u) << Describe(r);
  r = SearchKnowledge(index, "sancties");
  EXPECT_GT(Rank(r, "pakketten"), 0u) << Describe(r);
}

// A Dutch question searches no Dutch stop words, not even through the
// English parse ("de" and "een" are no English stop words), and a group of
// synonyms in both languages does not look for the Dutch pronoun "die"
// because it is the English stem of "died". Neither is highlighted.
TEST(XapianIndexOwnTest, StopWordsOfTheQuestionsLanguageAreNeitherSearchedNorHighlighted) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.synonyms = ParseSynonyms("overlijden, overleden, died, deceased\n");
  options.compound_dictionary = kDutchDictionary;
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  std::vector<Document> passages = {
      Passage("overlijden", "Wat doet de ambassade bij overlijden, en wie gaat over de uitvaart?",
              "De ambassade informeert de familie over wat er moet gebeuren."),
      Passage("paspoort", "Wie krijgt een paspoort?",
              "Een Nederlander die een paspoort aanvraagt.")};
  AddPassagesOnAnotherSubject(passages);
  ASSERT_TRUE(index.Rebuild(passages).ok());
  Results r = SearchKnowledge(index, "overlijden van een familielid");
  EXPECT_EQ(Rank(r, "overlijden"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "paspoort"), 0u) << Describe(r);
  // A question of stop words alone searches them, but a stop word is never
  // highlighted (nor is "over" when "overlijdt" is searched as its parts).
  Results stopwords = SearchKnowledge(index, "over");
  ASSERT_EQ(Rank(stopwords, "overlijden"), 1u) << Describe(stopwords);
  r.hits.insert(r.hits.end(), stopwords.hits.begin(), stopwords.hits.end());
  for (const Hit& hit : r.hits) {
    for (const char* stopword : {"een", "die", "De", "over", "bij"}) {
      EXPECT_EQ(hit.snippet.find(std::string("<mark>") + stopword + "</mark>"), std::string::npos)
          << hit.snippet;
    }
  }
}

// A word counts once in a passage, in the best of its forms (the word, its
// compound's parts, its related words): a passage that repeats one word in
// all its forms does not outrank one that holds every word asked for.
TEST(XapianIndexOwnTest, AWordCountsOnceInTheBestOfItsForms) {
  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.compound_dictionary = kDutchDictionary;
  options.related = ParseSynonyms("sanctie, sancties, sanctiepakket, sanctiepakketten, embargo\n");
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  std::vector<Document> passages = {
      Passage("rusland", "Hoeveel sanctiepakketten zijn er tegen Rusland aangenomen?",
              "De EU heeft elf sanctiepakketten aangenomen. Over nieuwe sancties en een "
              "embargo wordt gesproken."),
      Passage("syrie", "Wat bespreekt de Raad?",
              "Ten aanzien van Syrië spreekt de Raad over het verlichten van sancties.")};
  for (int i = 0; i < 3; ++i) {
    passages.push_back(
        Passage("ander-" + std::to_string(i), "Hoe is de toestand in Syrië?",
                "De toestand in Syrië blijft zorgelijk (" + std::to_string(i) + ")."));
  }
  AddPassagesOnAnotherSubject(passages);
  ASSERT_TRUE(index.Rebuild(passages).ok());
  Results r = SearchKnowledge(index, "sancties Syrië");
  EXPECT_EQ(Rank(r, "syrie"), 1u) << Describe(r);
  EXPECT_EQ(Rank(r, "rusland"), 2u) << Describe(r);
}

// Kraaij-Pohlmann stems "spanje" to "span", the stem of "spanning", and
// "georgië" to "orgië"; names of countries are left alone.
TEST(XapianIndexOwnTest, NamesAreNotStemmedIntoOtherWords) {
  const std::vector<Document> passages = {
      Passage("spanje", "Hoeveel Nederlanders zitten vast in Spanje?", "In Spanje 204."),
      Passage("spanning", "Neemt de spanning in de regio toe?", "De spanningen nemen toe."),
      Passage("georgie", "Steunt Nederland Georgië?", "Ja, Georgië krijgt steun."),
      Passage("orgie", "Was het een orgie van geweld?", "Nee.")};
  TempDir plain_dir;
  auto plain = Open(plain_dir.path());
  ASSERT_TRUE(plain->Rebuild(passages).ok());
  EXPECT_EQ(SearchKnowledge(*plain, "spanje").hits.size(), 2u);  // what the stemmer does alone

  TempDir dir;
  XapianOptions options;
  options.directory = dir.path();
  options.names = {"Spanje", "Georgië", "Verenigde Staten"};
  auto opened = OpenXapianIndex(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SearchIndex& index = **opened;
  ASSERT_TRUE(index.Rebuild(passages).ok());
  Results r = SearchKnowledge(index, "Spanje");
  EXPECT_EQ(Rank(r, "spanje"), 1u) << Describe(r);
  EXPECT_EQ(r.hits.size(), 1u) << Describe(r);
  r = SearchKnowledge(index, "georgië");
  EXPECT_EQ(Rank(r, "georgie"), 1u) << Describe(r);
  EXPECT_EQ(r.hits.size(), 1u) << Describe(r);
  // Other words are stemmed as before.
  r = SearchKnowledge(index, "spanningen");
  EXPECT_EQ(Rank(r, "spanning"), 1u) << Describe(r);
  EXPECT_EQ(r.hits.size(), 1u) << Describe(r);
  // Another instance on the same directory stems as the index was built.
  XapianOptions without_names;
  without_names.directory = dir.path();
  auto other = OpenXapianIndex(without_names);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(SearchKnowledge(**other, "spanje").hits.size(), 1u);
}

TEST(XapianIndexOwnTest, PassagesComeBackWholeWithTheirAttributes) {
  TempDir dir;
  auto index = Open(dir.path());
  std::string answer(30000, 'x');
  answer = "Het antwoord begint hier. " + answer + " En eindigt hier.";
  ASSERT_TRUE(index->Rebuild({Passage("7", "Hoeveel paspoorten zijn uitgegeven?", answer)}).ok());
  Query q;
  q.text = "paspoorten uitgegeven";
  q.type = "knowledge";
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].title, "Vraag 7");
  EXPECT_EQ(r->hits[0].text, "Hoeveel paspoorten zijn uitgegeven?\n\n" + answer);
  EXPECT_EQ(r->hits[0].attributes.at("number"), "7");
  // The title is shown, not searched.
  q.text = "vraag";
  r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty()) << Describe(*r);
}

TEST(XapianIndexOwnTest, EmptyDirectoryIsAnEmptyIndex) {
  TempDir dir;
  auto index = Open(dir.path() / "not" / "yet");
  EXPECT_EQ(index->DocumentCount(), 0u);
  Query q;
  q.text = "paspoort";
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty());
}

TEST(XapianIndexOwnTest, RejectsBadDocumentsAndKeepsTheIndex) {
  TempDir dir;
  auto index = Open(dir.path());
  ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  Document bad = Simple("", "Zonder id", "", 0);
  Status s = index->Rebuild({bad});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  Document bad_type = Simple("x", "Type", "", 0);
  bad_type.type = "Not A Slug";
  EXPECT_EQ(index->Rebuild({bad_type}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(index->DocumentCount(), Corpus().size());
}

TEST(XapianIndexOwnTest, ReopensAnExistingIndex) {
  TempDir dir;
  {
    auto index = Open(dir.path());
    ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  }
  auto index = Open(dir.path());
  EXPECT_EQ(index->DocumentCount(), Corpus().size());
  Query q;
  q.text = "reisdocument";
  auto r = index->Search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Rank(*r, "paspoort-buitenland"), 1u);
}

TEST(XapianIndexOwnTest, RebuildKeepsAtMostTwoGenerations) {
  TempDir dir;
  auto index = Open(dir.path());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  EXPECT_EQ(GenerationDirs(dir.path()).size(), 2u);
  ASSERT_TRUE(index->Rebuild({Simple("een", "Eén document", "", 0)}).ok());
  EXPECT_EQ(index->DocumentCount(), 1u);
}

TEST(XapianIndexOwnTest, SeesARebuildByAnotherInstance) {
  TempDir dir;
  auto serving = Open(dir.path(), std::chrono::milliseconds(0));
  auto reindex = Open(dir.path());
  EXPECT_EQ(serving->DocumentCount(), 0u);
  ASSERT_TRUE(reindex->Rebuild(Corpus()).ok());
  EXPECT_EQ(serving->DocumentCount(), Corpus().size());
  ASSERT_TRUE(reindex->Rebuild({Simple("een", "Eén document", "", 0)}).ok());
  Query q;
  q.text = "document";
  auto r = serving->Search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "een");
}

TEST(XapianIndexOwnTest, RebuildWhileSearchingFromManyThreads) {
  TempDir dir;
  auto index = Open(dir.path());
  ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const char* queries[] = {"paspoort", "pasport", "state pension", "buitenland"};
      const char* expected[] = {"paspoort-buitenland", "paspoort-buitenland", "aow-buitenland",
                                nullptr};
      int i = t;
      while (!stop.load()) {
        Query q;
        q.text = queries[i % 4];
        q.lang = i % 2 ? Lang::kEn : Lang::kNl;
        auto r = index->Search(q);
        bool good = r.ok() && !r->hits.empty() &&
                    (expected[i % 4] == nullptr || r->hits.front().id == expected[i % 4]);
        if (!good) ++failures;
        ++searches;
        ++i;
      }
    });
  }
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  while (searches.load() < 200) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  stop = true;
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0) << "of " << searches.load();
  // A generation a search still held during a rebuild is kept until the
  // next one; with no search running only current and previous remain.
  ASSERT_TRUE(index->Rebuild(Corpus()).ok());
  EXPECT_EQ(GenerationDirs(dir.path()).size(), 2u);
}

TEST(ParseSynonymsTest, GroupsCommentsAndSpaces) {
  auto groups = ParseSynonyms(
      "# comment\n"
      "paspoort,  reisdocument , travel   document # trailing\r\n"
      "\n"
      "alleen\n"
      "aow, aow, state pension\n"
      " , ,\n");
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<std::string>{"paspoort", "reisdocument", "travel document"}));
  EXPECT_EQ(groups[1], (std::vector<std::string>{"aow", "state pension"}));
  EXPECT_EQ(ParseSynonyms(kSynonyms).size(), 9u);
}

}  // namespace
}  // namespace loket::search
