#include "integration/server_process.h"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace loket::testing {
namespace {

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  auto* headers = static_cast<std::map<std::string, std::string>*>(out);
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    (*headers)[name] = value;
  }
  return size * n;
}

std::vector<char*> Argv(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

std::filesystem::path LoketBinary() { return LOKET_BINARY; }
std::filesystem::path SourceDir() { return LOKET_SOURCE_DIR; }

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "loket-it-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

HttpResult HttpGet(const std::string& url, const std::vector<std::string>& request_headers) {
  HttpResult r;
  CURL* curl = curl_easy_init();
  curl_slist* list = nullptr;
  for (const auto& h : request_headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) r.error = curl_easy_strerror(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return r;
}

namespace {
// Starts the loket binary with its stdout (and stderr, if `with_stderr`) on
// a pipe; returns the child's pid and the pipe's read end.
pid_t Spawn(const std::vector<std::string>& args, bool with_stderr, int* read_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  std::string binary = LoketBinary().string();
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    if (with_stderr) dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    auto argv = Argv(binary, args);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  *read_fd = fds[0];
  return pid;
}
}  // namespace

int RunLoket(const std::vector<std::string>& args, std::string* output) {
  int fd = -1;
  pid_t pid = Spawn(args, true, &fd);
  if (pid < 0) return -1;
  char buf[4096];
  ssize_t n;
  std::string out;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::ServerProcess(std::vector<std::string> args) {
  args.insert(args.begin(), {"serve", "--port", "0", "--threads", "4"});
  int fd = -1;
  pid_ = Spawn(args, false, &fd);
  if (pid_ < 0) return;
  // The server prints "… running at http://127.0.0.1:PORT/" once it listens.
  std::string out;
  char buf[512];
  ssize_t n;
  const std::string marker = "running at ";
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    size_t at = out.find(marker);
    size_t end = at == std::string::npos ? at : out.find('\n', at);
    if (end != std::string::npos) {
      base_url_ = out.substr(at + marker.size(), end - at - marker.size());
      if (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
      break;
    }
  }
  close(fd);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

HttpResult ServerProcess::Get(const std::string& target,
                              const std::vector<std::string>& request_headers) const {
  return HttpGet(base_url_ + target, request_headers);
}

}  // namespace loket::testing
