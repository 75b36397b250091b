// Runs the real `loket` binary for integration tests: a fresh data
// directory, port 0, and HTTP requests through libcurl.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace loket::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string error;                           // transport error, if any
};

HttpResult HttpGet(const std::string& url, const std::vector<std::string>& request_headers = {});

// Runs `loket ARGS…` to completion; returns its exit code and output.
int RunLoket(const std::vector<std::string>& args, std::string* output = nullptr);

class ServerProcess {
 public:
  // Starts `loket serve --port 0 ARGS…` and waits until it prints its URL.
  explicit ServerProcess(std::vector<std::string> args);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return !base_url_.empty(); }
  const std::string& base_url() const { return base_url_; }  // "http://127.0.0.1:PORT"
  HttpResult Get(const std::string& target,
                 const std::vector<std::string>& request_headers = {}) const;

 private:
  pid_t pid_ = -1;
  std::string base_url_;
};

std::filesystem::path LoketBinary();
std::filesystem::path SourceDir();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace loket::testing
