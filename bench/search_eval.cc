// search_eval: how well does a search engine find the passage that answers a
// question? Reads a JSONL set of {"question": "...", "answer": "..."} lines
// (optionally "id") and reports MRR@10, Recall@1 and Recall@5.
//
//   search_eval --url http://127.0.0.1:PORT --queries SET.jsonl
//               [--limit 10] [--lang nl] [--verbose] [--json]
//       asks loket's knowledge search for each question
//   search_eval --reference xapian-default --corpus-url URL --queries SET.jsonl
//       the same questions on Xapian with its default settings, over the
//       knowledge corpus that loket at URL serves
//   search_eval --reference postgres --corpus-url URL --pg-url postgresql://...
//       the same on PostgreSQL full-text search ('dutch'), ranked OR query
//
// See bench/knowledge/README.md for the sets and bench/knowledge.sh for a run.
#include <curl/curl.h>
#include <libpq-fe.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

using json = nlohmann::json;

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------
// Normalising and judging.

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º; the rest is punctuation
  if (c < 0x250) return c != 0xD7 && c != 0xF7;              // Latin letters, not × ÷
  // Other scripts count as letters; punctuation, symbols and CJK punctuation do not.
  return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) && c != 0xFEFF;
}

char32_t Lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the code point at s[i] and advances i past it; invalid UTF-8 gives
// 0, which counts as a separator.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  int more = b < 0x80 ? 0 : b < 0xC0 ? -1 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : b < 0xF8 ? 3 : -1;
  if (more < 0) return 0;
  char32_t c = more == 0 ? b : b & (0x7F >> (more + 1));
  for (; more > 0; --more) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return c;
}

// Lower-cased letters and digits; every run of anything else becomes a single
// space; no space at either end.
std::string Normalise(std::string_view s) {
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, i);
    if (!IsWordChar(c)) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += ' ';
    gap = false;
    AppendUtf8(out, Lower(c));
  }
  return out;
}

std::vector<std::string> Tokens(const std::string& normalised) {
  std::vector<std::string> tokens;
  for (size_t start = 0; start < normalised.size();) {
    size_t end = normalised.find(' ', start);
    if (end == std::string::npos) end = normalised.size();
    tokens.push_back(normalised.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

struct Case {
  std::string id, question;
  std::string answer;                      // normalised
  std::vector<std::string> answer_tokens;  // of `answer`
  std::string opening;                     // " first six tokens " of the answer
};

// A passage is relevant when it holds the expected answer. Both sides come
// normalised (case, punctuation, quotes, line breaks: see Normalise), and the
// answer must be a substring of the text. Text that reached the index slightly changed
// (a footnote marker, a word split differently) still counts for a long
// answer (8+ words) when its first six words appear together in the text and
// at least 80 % of its distinct words occur in the text.
bool Relevant(const std::string& text, const Case& c) {
  if (text.find(c.answer) != std::string::npos) return true;
  if (c.answer_tokens.size() < 8) return false;
  if ((" " + text + " ").find(c.opening) == std::string::npos) return false;
  const std::vector<std::string> words = Tokens(text);
  const std::unordered_set<std::string> in_text(words.begin(), words.end());
  const std::unordered_set<std::string> wanted(c.answer_tokens.begin(), c.answer_tokens.end());
  const auto found = std::count_if(wanted.begin(), wanted.end(),
                                   [&](const std::string& w) { return in_text.count(w) > 0; });
  return static_cast<double>(found) >= 0.8 * static_cast<double>(wanted.size());
}

std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Failure("cannot read " + path);
  std::vector<Case> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    json j;
    try {
      j = json::parse(line);
    } catch (const json::exception& e) {
      throw Failure(where + "not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("question") || !j["question"].is_string() ||
        !j.contains("answer") || !j["answer"].is_string())
      throw Failure(where + "needs the string fields \"question\" and \"answer\"");
    Case c;
    c.question = j["question"].get<std::string>();
    c.id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>()
                                                   : "line-" + std::to_string(number);
    c.answer = Normalise(j["answer"].get<std::string>());
    if (c.answer.empty()) throw Failure(where + "the answer has no words");
    c.answer_tokens = Tokens(c.answer);
    c.opening = " ";
    for (size_t i = 0; i < std::min<size_t>(6, c.answer_tokens.size()); ++i)
      c.opening += c.answer_tokens[i] + " ";
    cases.push_back(std::move(c));
  }
  if (cases.empty()) throw Failure(path + ": no questions");
  return cases;
}

// ---------------------------------------------------------------------------
// HTTP.

class Http {
 public:
  Http() : curl_(curl_easy_init()) {
    if (!curl_) throw Failure("curl_easy_init failed");
  }
  ~Http() { curl_easy_cleanup(curl_); }
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  std::string Escape(const std::string& s) {
    char* e = curl_easy_escape(curl_, s.data(), static_cast<int>(s.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
  }

  json GetJson(const std::string& url) {
    std::string body;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &Http::Write);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl_);
    if (rc != CURLE_OK) throw Failure("cannot reach " + url + ": " + curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200)
      throw Failure(url + " answered HTTP " + std::to_string(status) + ": " + body.substr(0, 300));
    try {
      return json::parse(body);
    } catch (const json::exception&) {
      throw Failure(url + " did not answer JSON: " + body.substr(0, 300));
    }
  }

 private:
  static size_t Write(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
  }
  CURL* curl_;
};

// ---------------------------------------------------------------------------
// Engines: each answers a question with up to `limit` passages, best first.

struct Passage {
  std::string id, text;
};
using Engine = std::function<std::vector<Passage>(const std::string& question)>;

const json& Field(const json& j, const char* key, const std::string& what) {
  if (!j.is_object() || !j.contains(key)) throw Failure(what + " has no \"" + key + "\"");
  return j[key];
}

std::string Str(const json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

Engine Loket(Http& http, const std::string& url, const std::string& lang, int limit) {
  return [&http, url, lang, limit](const std::string& question) {
    const std::string request = url + "/api/v1/search?q=" + http.Escape(question) +
                                "&lang=" + lang + "&type=knowledge&limit=" + std::to_string(limit);
    const json answer = http.GetJson(request);
    std::vector<Passage> hits;
    for (const json& r : Field(answer, "results", request)) {
      const std::string what = "a result of " + request;
      hits.push_back({Str(Field(r, "id", what)), Field(r, "text", what).get<std::string>()});
    }
    return hits;
  };
}

// Every passage of loket's knowledge base in `lang`, page by page.
std::vector<Passage> FetchCorpus(Http& http, const std::string& url, const std::string& lang) {
  constexpr int kPageSize = 100;
  std::vector<Passage> corpus;
  std::unordered_set<std::string> seen;
  size_t received = 0;
  for (int page = 1; page <= 10000; ++page) {
    const std::string request = url + "/api/v1/knowledge?page=" + std::to_string(page) +
                                "&pageSize=" + std::to_string(kPageSize);
    const json answer = http.GetJson(request);
    const json& results = Field(answer, "results", request);
    for (const json& r : results) {
      const std::string what = "an article of " + request;
      std::string id = Str(Field(r, "id", what));
      if (r.contains("lang") && r["lang"] != lang) continue;
      if (seen.insert(id).second) corpus.push_back({id, Field(r, "text", what).get<std::string>()});
    }
    received += results.size();
    const long total = answer.value("total", -1L);
    if (results.size() < kPageSize || (total >= 0 && received >= static_cast<size_t>(total))) break;
  }
  if (corpus.empty()) throw Failure("the knowledge base at " + url + " has no passages in " + lang);
  return corpus;
}

// Xapian as it comes: Dutch stemmer (STEM_SOME) on both sides, the query
// parser's default flags and default OR operator, BM25 with its defaults, no
// stopper, no field weights.
Engine XapianDefault(const std::vector<Passage>& corpus, int limit) {
  auto db = std::make_shared<Xapian::WritableDatabase>(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("dutch"));
  for (const Passage& p : corpus) {
    Xapian::Document doc;
    indexer.set_document(doc);
    indexer.index_text(p.text);
    db->add_document(doc);  // document ids 1, 2, ... follow `corpus`
  }
  auto parser = std::make_shared<Xapian::QueryParser>();
  parser->set_stemmer(Xapian::Stem("dutch"));
  return [db, parser, &corpus, limit](const std::string& question) {
    Xapian::Query query;
    try {
      query = parser->parse_query(question);
    } catch (const Xapian::QueryParserError&) {
      query = parser->parse_query(question, 0);  // unbalanced quotes and the like: plain words
    }
    Xapian::Enquire enquire(*db);
    enquire.set_query(query);
    std::vector<Passage> hits;
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(corpus[*it - 1]);
    return hits;
  };
}

// PostgreSQL full-text search, 'dutch' configuration, over the same corpus.
//
// The question's lexemes are ORed: plainto_tsquery and websearch_to_tsquery
// AND every word, so a whole question finds nothing unless one passage has
// all its words. The lexemes come from to_tsvector('dutch', question) and are
// quoted into a tsquery directly (::tsquery): to_tsquery('dutch', ...) would
// stem the stems again ('wapens' -> 'wapen' -> 'wap') and then miss, and
// lexemes like '-19' or 'a.nl/b?c' are not valid to_tsquery syntax. A
// question without lexemes gives NULL, which matches nothing. bench/knowledge.sh
// runs this same statement under pgbench; keep the two in step.
constexpr const char* kPgSearch = R"SQL(
SELECT e.id, e.text
  FROM eval_corpus e,
       (SELECT string_agg('''' || replace(replace(l, '\', '\\'), '''', '''''') || '''', ' | ')::tsquery AS q
          FROM unnest(tsvector_to_array(to_tsvector('dutch', $1))) AS l) x
 WHERE e.tsv @@ x.q
 ORDER BY ts_rank_cd(e.tsv, x.q) DESC, e.id
 LIMIT $2::int)SQL";

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class Pg {
 public:
  explicit Pg(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK)
      throw Failure("cannot connect to PostgreSQL at " + url + ": " +
                    Trimmed(PQerrorMessage(conn_)));
  }
  ~Pg() { PQfinish(conn_); }
  Pg(const Pg&) = delete;
  Pg& operator=(const Pg&) = delete;

  std::vector<std::vector<std::string>> Exec(const char* sql,
                                             const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    PGresult* res = PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const std::string error = Trimmed(PQresultErrorMessage(res));
      PQclear(res);
      throw Failure("PostgreSQL: " + error + " in: " + sql);
    }
    std::vector<std::vector<std::string>> rows(static_cast<size_t>(PQntuples(res)));
    for (int r = 0; r < PQntuples(res); ++r)
      for (int c = 0; c < PQnfields(res); ++c)
        rows[static_cast<size_t>(r)].push_back(PQgetvalue(res, r, c));
    PQclear(res);
    return rows;
  }

 private:
  PGconn* conn_;
};

Engine Postgres(const std::string& pg_url, const std::vector<Passage>& corpus, int limit) {
  auto pg = std::make_shared<Pg>(pg_url);
  pg->Exec("SET client_min_messages = warning");
  pg->Exec("DROP TABLE IF EXISTS eval_corpus");
  pg->Exec(
      "CREATE TABLE eval_corpus (id text PRIMARY KEY, text text NOT NULL, tsv tsvector NOT NULL)");
  pg->Exec("BEGIN");
  for (const Passage& p : corpus)
    pg->Exec("INSERT INTO eval_corpus VALUES ($1, $2, to_tsvector('dutch', $2))", {p.id, p.text});
  pg->Exec("COMMIT");
  pg->Exec("CREATE INDEX eval_corpus_tsv ON eval_corpus USING gin (tsv)");
  pg->Exec("ANALYZE eval_corpus");
  return [pg, limit](const std::string& question) {
    std::vector<Passage> hits;
    for (auto& row : pg->Exec(kPgSearch, {question, std::to_string(limit)}))
      hits.push_back({std::move(row[0]), std::move(row[1])});
    return hits;
  };
}

// ---------------------------------------------------------------------------

struct Options {
  std::string url, corpus_url, pg_url, queries, reference, lang = "nl";
  int limit = 10;
  bool verbose = false, as_json = false;
};

[[noreturn]] void Usage(const std::string& error) {
  std::cerr << "search_eval: " << error << "\n"
            << "usage: search_eval --url URL --queries SET.jsonl [--limit 10] [--lang nl] "
               "[--verbose] [--json]\n"
            << "       search_eval --reference xapian-default --corpus-url URL --queries SET.jsonl "
               "[...]\n"
            << "       search_eval --reference postgres --corpus-url URL --pg-url postgresql://... "
               "--queries SET.jsonl [...]\n";
  std::exit(2);
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--url")
      o.url = value();
    else if (arg == "--corpus-url")
      o.corpus_url = value();
    else if (arg == "--pg-url")
      o.pg_url = value();
    else if (arg == "--queries")
      o.queries = value();
    else if (arg == "--reference")
      o.reference = value();
    else if (arg == "--lang")
      o.lang = value();
    else if (arg == "--verbose")
      o.verbose = true;
    else if (arg == "--json")
      o.as_json = true;
    else if (arg == "--limit") {
      const std::string v = value();
      try {
        o.limit = std::stoi(v);
      } catch (const std::exception&) {
        o.limit = 0;
      }
      if (o.limit < 1 || o.limit > 100) Usage("--limit must be 1..100");
    } else if (arg == "--help" || arg == "-h")
      Usage("measures search quality");
    else
      Usage("unknown argument " + arg);
  }
  if (o.queries.empty()) Usage("--queries is required");
  if (o.corpus_url.empty()) o.corpus_url = o.url;
  if (o.reference.empty() && o.url.empty()) Usage("--url or --reference is required");
  if (!o.reference.empty() && o.corpus_url.empty()) Usage("--reference needs --corpus-url");
  if (o.reference == "postgres" && o.pg_url.empty()) Usage("--reference postgres needs --pg-url");
  if (!o.reference.empty() && o.reference != "xapian-default" && o.reference != "postgres")
    Usage("--reference is xapian-default or postgres");
  for (std::string* u : {&o.url, &o.corpus_url})
    while (!u->empty() && u->back() == '/') u->pop_back();
  return o;
}

int Run(const Options& o) {
  const std::vector<Case> cases = ReadCases(o.queries);
  Http http;
  std::vector<Passage> corpus;
  Engine engine;
  const std::string name = o.reference.empty() ? "loket" : o.reference;
  if (o.reference.empty()) {
    engine = Loket(http, o.url, o.lang, o.limit);
  } else {
    corpus = FetchCorpus(http, o.corpus_url, o.lang);
    engine = o.reference == "postgres" ? Postgres(o.pg_url, corpus, o.limit)
                                       : XapianDefault(corpus, o.limit);
  }

  std::ostream& detail = o.as_json ? std::cerr : std::cout;
  double reciprocal_ranks = 0;
  int at1 = 0, at5 = 0;
  for (const Case& c : cases) {
    const std::vector<Passage> hits = engine(c.question);
    size_t rank = 0;  // 1-based; 0: not in the results
    for (size_t i = 0; i < hits.size() && i < static_cast<size_t>(o.limit) && rank == 0; ++i)
      if (Relevant(Normalise(hits[i].text), c)) rank = i + 1;
    if (rank > 0) reciprocal_ranks += 1.0 / static_cast<double>(rank);
    at1 += rank == 1;
    at5 += rank >= 1 && rank <= 5;
    if (o.verbose)
      detail << (rank > 0 ? std::to_string(rank) : "-") << '\t' << c.id << '\t'
             << (hits.empty() ? "(no results)" : hits[0].id) << '\t' << c.question << '\n';
  }

  const double n = static_cast<double>(cases.size());
  const json figures = {{"engine", name},
                        {"queries", cases.size()},
                        {"mrr10", reciprocal_ranks / n},
                        {"recall1", at1 / n},
                        {"recall5", at5 / n}};
  if (o.as_json) {
    std::cout << figures.dump() << '\n';
  } else {
    char line[160];
    std::snprintf(line, sizeof line,
                  "%s on %s: %zu queries, MRR@%d %.3f, Recall@1 %.3f, Recall@5 %.3f", name.c_str(),
                  o.queries.c_str(), cases.size(), o.limit, reciprocal_ranks / n, at1 / n, at5 / n);
    std::cout << line << (corpus.empty() ? "" : " (" + std::to_string(corpus.size()) + " passages)")
              << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = Parse(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  int rc = 1;
  try {
    rc = Run(options);
  } catch (const Failure& e) {
    std::cerr << "search_eval: error: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "search_eval: Xapian error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "search_eval: error: " << e.what() << '\n';
  }
  curl_global_cleanup();
  return rc;
}
