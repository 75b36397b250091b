// Configuration of the `loket` program: command-line flags over
// environment variables over defaults. Only app/ reads configuration;
// modules receive what they need through their constructors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace loket::app {

struct Config {
  std::string command;             // serve, migrate, load-content, import-document, …
  std::filesystem::path data_dir;  // SQLite file and search index live here
  std::string database_url;        // PostgreSQL; empty for the embedded SQLite default
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  size_t threads = 0;                         // 0: chosen from the number of cores
  std::filesystem::path web_dir;              // templates, i18n, static files, openapi.json
  std::filesystem::path content_dir;          // data/ content files
  std::filesystem::path compound_dictionary;  // hunspell-nl, for Dutch compounds
  std::string title;                          // import-document: the document's title
  // staff add: the new account
  std::string staff_email, staff_name, staff_post;
  std::vector<std::string> staff_roles;
  // serve: the address people use, "https://loket.example.nl"; empty:
  // http://ADDRESS:PORT, allowed on loopback only.
  std::string public_url;
  // serve: reverse proxies whose X-Forwarded-For names the client.
  std::vector<std::string> trusted_proxies;
  // serve: also run the development identity provider "Test-DigiD".
  bool demo = false;
  int audit_retention_days = 1830;
  // Citizens' OpenID Connect provider (DigiD through a broker).
  std::string oidc_issuer, oidc_client_id, oidc_client_secret, oidc_bsn_claim = "bsn";
  // E-mail: SMTP when a URL is given, else files in <data-dir>/mail.
  std::string smtp_url, smtp_username, smtp_password,
      mail_from = "noreply@loket-buitenland.localhost";
  std::vector<std::string> args;  // positional arguments after the command
};

// Parses argv; InvalidArgument carries a message for the user.
Result<Config> ParseConfig(int argc, char** argv);
std::string Usage();

}  // namespace loket::app
