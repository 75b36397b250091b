#include "app/config.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <thread>

#include "core/strings.h"

namespace loket::app {
namespace {

std::string Env(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

Result<uint16_t> ParsePort(const std::string& s) {
  unsigned v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v > 65535) {
    return InvalidArgument("port must be a number from 0 to 65535, not '" + s + "'");
  }
  return static_cast<uint16_t>(v);
}

}  // namespace

std::string Usage() {
  return R"(Usage: loket COMMAND [OPTIONS]

Commands:
  serve          run the web server (initialises an empty data directory
                 with the demo content)
  migrate        apply database migrations and exit
  load-content   load (or reload) the content files into the database
  import-document FILE…
                 import official documents (plain text extracted from the
                 PDF) into the knowledge base: answers to parliamentary
                 questions become one article per question, letters one
                 article per passage; importing a document again updates it
  staff add --email E --name N --role R [--role R…] [--post P]
                 create a staff account; the password is read from
                 standard input (asked twice on a terminal); prints the
                 TOTP enrolment (QR code, otpauth URI). Roles: agent,
                 back-office (with --post: a post id or "cso"),
                 supervisor, editor, crisis-coordinator, administrator
  reindex        rebuild the search index from the database
  check-content  validate the content files without loading them
  help           show this text

Options (each also as an environment variable):
  --data-dir DIR        data directory (LOKET_DATA_DIR, default ./var)
  --database-url URL    PostgreSQL connection URL; without it the embedded
                        SQLite database in the data directory is used
                        (LOKET_DATABASE_URL)
  --address ADDR        address to listen on (LOKET_ADDRESS, default 127.0.0.1)
  --port N              port to listen on, 0 for any free port (LOKET_PORT,
                        default 8080)
  --threads N           request threads (LOKET_THREADS, default 2 per core)
  --web-dir DIR         templates and static files (LOKET_WEB_DIR)
  --content-dir DIR     content files (LOKET_CONTENT_DIR)
  --compound-dictionary PATH
                        hunspell dictionary that splits Dutch compounds, without
                        .aff/.dic (LOKET_COMPOUND_DICTIONARY, default
                        /usr/share/hunspell/nl from Debian's hunspell-nl)
  --title TEXT          import-document: the document's title, when its text
                        does not say (one file at a time)
  --public-url URL      serve: the address people use, e.g.
                        https://loket.example.nl (LOKET_PUBLIC_URL); https
                        gives Secure cookies and HSTS. Without it the server
                        must listen on loopback and is reached over plain
                        HTTP (development)
  --trusted-proxy ADDR  serve: a reverse proxy (nginx) whose X-Forwarded-For
                        header names the client, for the audit log and login
                        throttling; repeatable (LOKET_TRUSTED_PROXIES,
                        comma-separated)
  --demo                serve: also run "Test-DigiD", the development login
                        provider with test persons, under /dev-idp/, and use
                        it for citizens' login. Never in production
  --oidc-issuer URL     citizens' OpenID Connect provider (LOKET_OIDC_ISSUER)
  --oidc-client-id ID   (LOKET_OIDC_CLIENT_ID)
  --oidc-client-secret S
                        (LOKET_OIDC_CLIENT_SECRET; prefer the variable)
  --oidc-bsn-claim NAME claim of the ID token that holds the BSN
                        (LOKET_OIDC_BSN_CLAIM, default bsn)
  --smtp-url URL        mail server, smtp://host:587 (STARTTLS required) or
                        smtps://host:465 (LOKET_SMTP_URL); without it e-mail
                        is written to files in DATA_DIR/mail (development)
  --smtp-username NAME  (LOKET_SMTP_USERNAME; the password only as
                        LOKET_SMTP_PASSWORD)
  --mail-from ADDRESS   sender of the loket's e-mail (LOKET_MAIL_FROM,
                        default noreply@loket-buitenland.localhost)
  --audit-retention-days N
                        audit events older than this are removed
                        (LOKET_AUDIT_RETENTION_DAYS, default 1830)
)";
}

Result<Config> ParseConfig(int argc, char** argv) {
  Config c;
  c.data_dir = Env("LOKET_DATA_DIR", "var");
  c.database_url = Env("LOKET_DATABASE_URL", "");
  c.address = Env("LOKET_ADDRESS", c.address);
  c.web_dir = Env("LOKET_WEB_DIR", LOKET_DEFAULT_WEB_DIR);
  c.content_dir = Env("LOKET_CONTENT_DIR", LOKET_DEFAULT_CONTENT_DIR);
  c.compound_dictionary = Env("LOKET_COMPOUND_DICTIONARY", "/usr/share/hunspell/nl");
  LOKET_ASSIGN_OR_RETURN(c.port, ParsePort(Env("LOKET_PORT", "8080")));
  c.public_url = Env("LOKET_PUBLIC_URL", "");
  for (const std::string& proxy : Split(Env("LOKET_TRUSTED_PROXIES", ""), ',')) {
    if (!Trim(proxy).empty()) c.trusted_proxies.emplace_back(Trim(proxy));
  }
  c.oidc_issuer = Env("LOKET_OIDC_ISSUER", "");
  c.oidc_client_id = Env("LOKET_OIDC_CLIENT_ID", "");
  c.oidc_client_secret = Env("LOKET_OIDC_CLIENT_SECRET", "");
  c.oidc_bsn_claim = Env("LOKET_OIDC_BSN_CLAIM", c.oidc_bsn_claim);
  c.smtp_url = Env("LOKET_SMTP_URL", "");
  c.smtp_username = Env("LOKET_SMTP_USERNAME", "");
  c.smtp_password = Env("LOKET_SMTP_PASSWORD", "");
  c.mail_from = Env("LOKET_MAIL_FROM", c.mail_from);
  std::string retention = Env("LOKET_AUDIT_RETENTION_DAYS", "1830");
  std::string threads = Env("LOKET_THREADS", "0");
  c.threads = std::strtoul(threads.c_str(), nullptr, 10);

  if (argc < 2) return InvalidArgument("no command given");
  c.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> Result<std::string> {
      std::string name = arg;
      size_t eq = arg.find('=');
      if (eq != std::string::npos) return arg.substr(eq + 1);
      if (i + 1 >= argc) return InvalidArgument(name + " needs a value");
      return std::string(argv[++i]);
    };
    auto is = [&](const char* flag) {
      return arg == flag || arg.rfind(std::string(flag) + "=", 0) == 0;
    };
    if (is("--data-dir")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.data_dir = v;
    } else if (is("--database-url")) {
      LOKET_ASSIGN_OR_RETURN(c.database_url, value());
    } else if (is("--address")) {
      LOKET_ASSIGN_OR_RETURN(c.address, value());
    } else if (is("--port")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      LOKET_ASSIGN_OR_RETURN(c.port, ParsePort(v));
    } else if (is("--threads")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.threads = std::strtoul(v.c_str(), nullptr, 10);
    } else if (is("--web-dir")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.web_dir = v;
    } else if (is("--content-dir")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.content_dir = v;
    } else if (is("--compound-dictionary")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.compound_dictionary = v;
    } else if (is("--email")) {
      LOKET_ASSIGN_OR_RETURN(c.staff_email, value());
    } else if (is("--name")) {
      LOKET_ASSIGN_OR_RETURN(c.staff_name, value());
    } else if (is("--role")) {
      LOKET_ASSIGN_OR_RETURN(std::string v, value());
      c.staff_roles.push_back(v);
    } else if (is("--post")) {
      LOKET_ASSIGN_OR_RETURN(c.staff_post, value());
    } else if (is("--trusted-proxy")) {
      LOKET_ASSIGN_OR_RETURN(std::string proxy, value());
      c.trusted_proxies.push_back(proxy);
    } else if (arg == "--demo") {
      c.demo = true;
    } else if (is("--public-url")) {
      LOKET_ASSIGN_OR_RETURN(c.public_url, value());
    } else if (is("--oidc-issuer")) {
      LOKET_ASSIGN_OR_RETURN(c.oidc_issuer, value());
    } else if (is("--oidc-client-id")) {
      LOKET_ASSIGN_OR_RETURN(c.oidc_client_id, value());
    } else if (is("--oidc-client-secret")) {
      LOKET_ASSIGN_OR_RETURN(c.oidc_client_secret, value());
    } else if (is("--oidc-bsn-claim")) {
      LOKET_ASSIGN_OR_RETURN(c.oidc_bsn_claim, value());
    } else if (is("--smtp-url")) {
      LOKET_ASSIGN_OR_RETURN(c.smtp_url, value());
    } else if (is("--smtp-username")) {
      LOKET_ASSIGN_OR_RETURN(c.smtp_username, value());
    } else if (is("--mail-from")) {
      LOKET_ASSIGN_OR_RETURN(c.mail_from, value());
    } else if (is("--audit-retention-days")) {
      LOKET_ASSIGN_OR_RETURN(retention, value());
    } else if (is("--title")) {
      LOKET_ASSIGN_OR_RETURN(c.title, value());
    } else if (arg.rfind("--", 0) == 0) {
      return InvalidArgument("unknown option " + arg);
    } else {
      c.args.push_back(arg);
    }
  }
  if (c.threads == 0)
    c.threads = std::max(4u, 2 * std::max(1u, std::thread::hardware_concurrency()));
  if (c.threads > 256) return InvalidArgument("--threads must be at most 256");
  c.audit_retention_days = std::atoi(retention.c_str());
  if (c.audit_retention_days < 1 || c.audit_retention_days > 36500) {
    return InvalidArgument("--audit-retention-days must be a number of days from 1 to 36500");
  }
  return c;
}

}  // namespace loket::app
