// E-mail: the RFC 5322 form of a message, files in a directory, and
// delivery to a real SMTP server (aiosmtpd, from the python3-aiosmtpd
// package) that the tests start on a free loopback port and read back from
// its Maildir. Without that server the SMTP tests skip, except under
// CI=true, where they fail.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sodium.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include "notify/directory_mailer.h"
#include "notify/internal/message.h"
#include "notify/mailer.h"
#include "notify/smtp_mailer.h"

namespace loket::notify {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using internal::EncodeHeaderText;
using internal::FormatMessage;
using internal::QuotedPrintable;

Sender From() { return {"noreply@loket.example", "Loket Buitenland"}; }
// Wednesday 25 November 2026, 09:00:00 UTC.
constexpr std::chrono::system_clock::time_point kDate =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + 9h;

Mail Letter() {
  return {"a.jansen@example.org", "Uw visumaanvraag", "Beste aanvrager,\n\nTot ziens.\n"};
}

bool CiRequiresEverything() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> CrlfLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find("\r\n", start)) != std::string_view::npos; start = end + 2) {
    lines.emplace_back(text.substr(start, end - start));
  }
  lines.emplace_back(text.substr(start));
  return lines;
}

// A decoder written for the test, to check that encoding round-trips.
std::string DecodeQuotedPrintable(std::string_view qp) {
  std::string out;
  for (size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] != '=') {
      out += qp[i];
    } else if (qp.substr(i + 1, 2) == "\r\n") {
      i += 2;  // soft line break
    } else {
      out += static_cast<char>(std::stoi(std::string(qp.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

std::string DecodeBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  EXPECT_EQ(
      sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
      0);
  out.resize(length);
  return out;
}

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string pattern = fs::temp_directory_path() / "loket-notify-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(AddressTest, PlausibleAddresses) {
  EXPECT_TRUE(IsPlausibleAddress("a.jansen@example.org"));
  EXPECT_TRUE(IsPlausibleAddress("a+visum@mail.example.co.uk"));
  EXPECT_FALSE(IsPlausibleAddress(""));
  EXPECT_FALSE(IsPlausibleAddress("a.jansen"));
  EXPECT_FALSE(IsPlausibleAddress("a.jansen@localhost"));
  EXPECT_FALSE(IsPlausibleAddress("@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a@b@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a jansen@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a.jansen@example..org"));
  EXPECT_FALSE(IsPlausibleAddress("a.jansen@-example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a..jansen@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("\"a\"@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a@example.org>, b@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a@example.org\r\nBcc: b@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("jösé@example.org"));
  EXPECT_FALSE(IsPlausibleAddress(std::string(65, 'a') + "@example.org"));
  EXPECT_FALSE(IsPlausibleAddress("a@" + std::string(250, 'b') + ".org"));
}

TEST(MessageTest, HeadersAndBodyOfAPlainMessage) {
  auto message = FormatMessage(Letter(), From(), kDate, "<1234@loket.example>");
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  EXPECT_EQ(*message,
            "Date: Wed, 25 Nov 2026 09:00:00 +0000\r\n"
            "From: Loket Buitenland <noreply@loket.example>\r\n"
            "To: a.jansen@example.org\r\n"
            "Subject: Uw visumaanvraag\r\n"
            "Message-ID: <1234@loket.example>\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "Beste aanvrager,\r\n"
            "\r\n"
            "Tot ziens.\r\n");
}

TEST(MessageTest, NonAsciiSubjectAndSenderNameAreEncodedWords) {
  EXPECT_EQ(EncodeHeaderText("Subject", "Één visum"), "=?UTF-8?B?w4nDqW4gdmlzdW0=?=");
  // Text that looks like an encoded word is encoded, so it reads as typed.
  EXPECT_EQ(EncodeHeaderText("Subject", "=?x?="), "=?UTF-8?B?PT94Pz0=?=");

  // A long subject becomes several words on folded lines; no word cuts a
  // character in two and no line is longer than 78 characters.
  std::string subject;
  for (int i = 0; i < 20; ++i) subject += "Bevestig één aanvraag ";
  std::string encoded = EncodeHeaderText("Subject", subject);
  std::string decoded;
  std::regex word("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
  size_t words = 0;
  for (const std::string& line : CrlfLines(encoded)) {
    EXPECT_LE(line.size() + (words == 0 ? std::string("Subject: ").size() : 0), 78u) << line;
    std::smatch m;
    std::string trimmed = line.front() == ' ' ? line.substr(1) : line;
    ASSERT_TRUE(std::regex_match(trimmed, m, word)) << line;
    std::string piece = DecodeBase64(m[1].str());
    EXPECT_TRUE(internal::IsUtf8(piece)) << piece;
    decoded += piece;
    ++words;
  }
  EXPECT_GT(words, 5u);
  EXPECT_EQ(decoded, subject);

  Mail mail = Letter();
  mail.subject = "Één visum";
  auto message = FormatMessage(mail, {"noreply@loket.example", "Lökèt \"Buitenland\""}, kDate,
                               "<1@loket.example>");
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  EXPECT_NE(message->find("\r\nSubject: =?UTF-8?B?w4nDqW4gdmlzdW0=?=\r\n"), std::string::npos);
  EXPECT_NE(message->find("\r\nFrom: =?UTF-8?B?TMO2a8OodCAiQnVpdGVubGFuZCI=?= "
                          "<noreply@loket.example>\r\n"),
            std::string::npos)
      << *message;

  auto quoted = FormatMessage(Letter(), {"noreply@loket.example", "Loket, \"Buitenland\""}, kDate,
                              "<1@loket.example>");
  ASSERT_TRUE(quoted.ok());
  EXPECT_NE(quoted->find("\r\nFrom: \"Loket, \\\"Buitenland\\\"\" <noreply@loket.example>\r\n"),
            std::string::npos)
      << *quoted;
}

TEST(MessageTest, BodyIsQuotedPrintable) {
  EXPECT_EQ(QuotedPrintable("Geachte één\n"), "Geachte =C3=A9=C3=A9n\r\n");
  EXPECT_EQ(QuotedPrintable("1 + 1 = 2"), "1 + 1 =3D 2\r\n");
  // Trailing white space and a leading dot survive transport.
  EXPECT_EQ(QuotedPrintable("regel \nslot\t\r\n.\n"), "regel=20\r\nslot=09\r\n=2E\r\n");
  EXPECT_EQ(QuotedPrintable(""), "");

  // Long lines are broken softly at 76 characters and decode to the text.
  std::string text = std::string(100, 'a') + "\n" + "Ünïcödé " + std::string(90, 'e') + "é\n";
  for (int i = 0; i < 30; ++i) text += "één ";
  text += "\n";
  std::string qp = QuotedPrintable(text);
  for (const std::string& line : CrlfLines(qp)) EXPECT_LE(line.size(), 76u) << line;
  std::string back = DecodeQuotedPrintable(qp);
  std::string expected;
  for (char c : text) {
    if (c == '\n') expected += '\r';
    expected += c;
  }
  EXPECT_EQ(back, expected);
}

TEST(MessageTest, HeaderInjectionAndBadTextAreRefused) {
  auto refused = [](const Mail& mail, const Sender& from = From()) {
    auto message = FormatMessage(mail, from, kDate, "<1@loket.example>");
    EXPECT_EQ(message.status().code(), StatusCode::kInvalidArgument);
    return message.ok() ? std::string() : message.status().message();
  };
  Mail mail = Letter();
  mail.to = "a.jansen@example.org\r\nBcc: b@example.org";
  EXPECT_EQ(refused(mail).rfind("to:", 0), 0u);
  mail.to = "a.jansen@example.org\nBcc: b@example.org";
  refused(mail);
  mail.to = "a.jansen@example.org, b@example.org";
  refused(mail);
  mail = Letter();
  mail.subject = "Hallo\r\nBcc: b@example.org";
  EXPECT_EQ(refused(mail).rfind("subject:", 0), 0u);
  mail.subject = "Hallo\nBcc: b@example.org";
  refused(mail);
  mail.subject = "Hallo\rBcc: b@example.org";
  refused(mail);
  mail.subject = "Hallo \xC3";  // cut-off UTF-8
  refused(mail);
  mail = Letter();
  mail.text = "Dag \xC0\xAF";  // an overlong '/'
  EXPECT_EQ(refused(mail).rfind("text:", 0), 0u);
  mail.text = "Dag \xED\xA0\x80";  // a UTF-16 surrogate
  refused(mail);
  refused(Letter(), {"noreply@loket.example", "Loket\r\nBcc: b@example.org"});
  refused(Letter(), {"noreply", "Loket"});
}

TEST(DirectoryMailerTest, WritesOneReadableFilePerMessage) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const fs::path dir = tmp.path() / "mail";  // created by the mailer
  DirectoryMailer mailer(dir, From());
  Mail mail = Letter();
  mail.subject = "Één visum";
  mail.text = "Bevestig uw e-mailadres: https://loket.example/visum?token=abc\n";
  ASSERT_TRUE(mailer.Send(mail).ok());
  ASSERT_TRUE(mailer.Send(Letter()).ok());

  auto files = Files(dir);
  ASSERT_EQ(files.size(), 2u);  // and no temporary files left behind
  std::regex name("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{16}\\.eml");
  for (const auto& file : files) {
    EXPECT_TRUE(std::regex_match(file.filename().string(), name)) << file;
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "mail may hold login links";
  }
  std::string first = Slurp(files[0]);
  std::string second = Slurp(files[1]);
  // Two messages in one millisecond may sort either way.
  if (first.find("w4nDqW4gdmlzdW0") == std::string::npos) std::swap(first, second);
  EXPECT_EQ(first.rfind("Date: ", 0), 0u);
  EXPECT_NE(first.find("\r\nTo: a.jansen@example.org\r\n"), std::string::npos);
  EXPECT_NE(first.find("\r\nSubject: =?UTF-8?B?w4nDqW4gdmlzdW0=?=\r\n"), std::string::npos);
  EXPECT_NE(first.find("\r\nMessage-ID: <"), std::string::npos);
  EXPECT_NE(first.find("@loket.example>\r\n"), std::string::npos);
  EXPECT_NE(first.find("\r\n\r\nBevestig uw e-mailadres: https://loket.example/visum?token=3Dabc"),
            std::string::npos)
      << first;
  EXPECT_NE(second.find("\r\nSubject: Uw visumaanvraag\r\n"), std::string::npos);

  // A message that cannot be sent leaves no file.
  Mail bad = Letter();
  bad.subject = "a\r\nBcc: b@example.org";
  EXPECT_EQ(mailer.Send(bad).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Files(dir).size(), 2u);
}

TEST(DirectoryMailerTest, UnwritableDirectoryIsUnavailable) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  std::ofstream(tmp.path() / "file") << "not a directory";
  DirectoryMailer mailer(tmp.path() / "file" / "mail", From());
  EXPECT_EQ(mailer.Send(Letter()).code(), StatusCode::kUnavailable);
}

// A loopback port nobody listens on at the moment.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t length = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
    if (fd >= 0) ::close(fd);
    return 0;
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  if (fd >= 0) ::close(fd);
  return ok;
}

// The interpreter with Debian's python3-aiosmtpd: /usr/bin/python3, not a
// python3 that a version manager may put first on PATH.
std::string Python() {
  const char* python = std::getenv("LOKET_TEST_PYTHON");
  return python != nullptr && *python != '\0' ? python : "/usr/bin/python3";
}

// aiosmtpd as a child process, delivering into a Maildir.
class SmtpSink {
 public:
  SmtpSink() = default;
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  ~SmtpSink() { Stop(); }

  // Empty on success, otherwise why the server did not start.
  std::string Start(const fs::path& dir, const std::vector<std::string>& options = {}) {
    maildir_ = dir / "maildir";
    port_ = FreePort();
    if (port_ == 0) return "no free port";
    std::vector<std::string> args = {Python(),   "-m",
                                     "aiosmtpd", "-n",
                                     "-l",       "127.0.0.1:" + std::to_string(port_),
                                     "-c",       "aiosmtpd.handlers.Mailbox"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(maildir_.string());
    const fs::path log = dir / "aiosmtpd.log";
    // Everything the child needs is prepared before fork(): between fork()
    // and exec() only async-signal-safe calls are allowed.
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (log_fd < 0) return "cannot create " + log.string();
    static constexpr char kExecFailed[] = "cannot execute the interpreter\n";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(log_fd, STDOUT_FILENO);
      ::dup2(log_fd, STDERR_FILENO);
      ::execv(argv[0], argv.data());
      ssize_t ignored = ::write(STDERR_FILENO, kExecFailed, sizeof kExecFailed - 1);
      (void)ignored;
      ::_exit(127);
    }
    ::close(log_fd);
    if (pid_ < 0) return "fork failed";
    for (auto deadline = std::chrono::steady_clock::now() + 15s;
         std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(50ms)) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return "aiosmtpd exited (" + Python() +
               " -m aiosmtpd; is python3-aiosmtpd installed?): " + Slurp(log);
      }
      if (Accepts(port_)) return "";
    }
    Stop();
    return "aiosmtpd did not listen within 15 s: " + Slurp(log);
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(20ms);
    }
    if (::waitpid(pid_, &status, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }

  bool running() const { return pid_ > 0; }
  std::string url(std::string_view scheme = "smtp") const {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_);
  }
  // Delivered messages, as files in the Maildir.
  std::vector<fs::path> Delivered() const { return Files(maildir_ / "new"); }

 private:
  fs::path maildir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// Runs a command, returning its standard output; nothing when it failed.
std::optional<std::string> RunCommand(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  if (::pclose(pipe) != 0) return std::nullopt;
  return out;
}

// What Python's e-mail parser (an independent decoder) reads in a
// delivered message: envelope, decoded headers and decoded body.
std::string ParsedByPython(const fs::path& file) {
  static const char* kScript =
      "import email, email.policy, sys\n"
      "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
      "out = [m['X-MailFrom'], m['X-RcptTo'], m['From'], m['To'], m['Subject'],\n"
      "       m.get_content_type(), m.get_content_charset(), m.get_content()]\n"
      "sys.stdout.buffer.write('|'.join(out).encode('utf-8'))\n";
  const fs::path script = file.parent_path().parent_path().parent_path() / "parse.py";
  std::ofstream(script) << kScript;
  return RunCommand(Python() + " " + script.string() + " " + file.string())
      .value_or("(parse failed)");
}

class SmtpMailerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(tmp_.path().empty()); }

  // Tests go on only when sink_.running(); otherwise this skipped the
  // test, or failed it under CI.
  void StartSink(const std::vector<std::string>& options = {}) {
    std::string failure = sink_.Start(tmp_.path(), options);
    if (failure.empty()) return;
    if (CiRequiresEverything()) {
      ADD_FAILURE() << "CI=true but the SMTP test server did not start: " << failure;
    } else {
      GTEST_SKIP() << "the SMTP test server did not start (apt-get install python3-aiosmtpd): "
                   << failure;
    }
  }

  // A self-signed certificate for 127.0.0.1, made with the openssl tool.
  bool MakeCertificate() {
    cert_ = tmp_.path() / "cert.pem";
    key_ = tmp_.path() / "key.pem";
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
        " -addext subjectAltName=IP:127.0.0.1 -keyout " +
        key_.string() + " -out " + cert_.string() + " >/dev/null 2>&1";
    if (RunCommand(command)) return true;
    ADD_FAILURE() << "cannot make a test certificate with openssl";
    return false;
  }

  SmtpSettings Settings() const {
    SmtpSettings s;
    s.url = sink_.url();
    s.from = From();
    s.starttls = StartTls::kOptional;
    s.connect_timeout = 5s;
    s.timeout = 20s;
    return s;
  }

  TempDir tmp_;
  SmtpSink sink_;
  fs::path cert_;
  fs::path key_;
};

TEST_F(SmtpMailerTest, DeliversAMessageThatDecodesToWhatWasSent) {
  StartSink();
  if (!sink_.running()) return;
  SmtpMailer mailer(Settings());
  Mail mail;
  mail.to = "a.jansen@example.org";
  mail.subject = "Bevestig uw e-mailadres – één stap";
  mail.text =
      "Beste aanvrager,\n\n"
      "Klik op deze link: https://loket.example/visum/account/bevestigen?token=a-b_c=\n"
      ". Een regel die met een punt begint.\n"
      "Ελληνικά, 日本語 en een heel lange regel " +
      std::string(120, 'x') + "\n";
  Status sent = mailer.Send(mail);
  ASSERT_TRUE(sent.ok()) << sent.ToString();

  auto delivered = sink_.Delivered();
  ASSERT_EQ(delivered.size(), 1u);
  std::string raw = Slurp(delivered[0]);
  EXPECT_NE(raw.find("Message-ID: <"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Date: "), std::string::npos);
  EXPECT_NE(raw.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
  EXPECT_EQ(ParsedByPython(delivered[0]),
            "noreply@loket.example|a.jansen@example.org|"
            "Loket Buitenland <noreply@loket.example>|a.jansen@example.org|" +
                mail.subject + "|text/plain|utf-8|" + mail.text);
}

TEST_F(SmtpMailerTest, RequiredStartTlsIsNeverSkipped) {
  StartSink();  // a server without STARTTLS
  if (!sink_.running()) return;
  SmtpSettings settings = Settings();
  settings.starttls = StartTls::kRequired;
  SmtpMailer mailer(settings);
  Status sent = mailer.Send(Letter());
  EXPECT_EQ(sent.code(), StatusCode::kUnavailable) << sent.ToString();
  EXPECT_TRUE(sink_.Delivered().empty());
}

TEST_F(SmtpMailerTest, StartTlsWithATrustedCertificate) {
  if (!MakeCertificate()) return;
  StartSink({"--tlscert", cert_.string(), "--tlskey", key_.string()});
  if (!sink_.running()) return;
  SmtpSettings settings = Settings();
  settings.starttls = StartTls::kRequired;

  // Not signed by an authority the system trusts: refused.
  Status untrusted = SmtpMailer(settings).Send(Letter());
  EXPECT_EQ(untrusted.code(), StatusCode::kUnavailable) << untrusted.ToString();
  EXPECT_TRUE(sink_.Delivered().empty());

  settings.ca_file = cert_.string();
  Status sent = SmtpMailer(settings).Send(Letter());
  ASSERT_TRUE(sent.ok()) << sent.ToString();
  ASSERT_EQ(sink_.Delivered().size(), 1u);
  EXPECT_NE(Slurp(sink_.Delivered()[0]).find("Subject: Uw visumaanvraag"), std::string::npos);
}

TEST_F(SmtpMailerTest, FailuresAreUnavailableOrInvalid) {
  SmtpSettings settings = Settings();
  settings.url = "smtp://127.0.0.1:" + std::to_string(FreePort());  // nobody listens
  Status refused = SmtpMailer(settings).Send(Letter());
  EXPECT_EQ(refused.code(), StatusCode::kUnavailable) << refused.ToString();
  EXPECT_EQ(refused.message().rfind("smtp: ", 0), 0u);

  settings.url = "file:///etc/passwd";
  EXPECT_EQ(SmtpMailer(settings).Send(Letter()).code(), StatusCode::kUnavailable);

  Mail injected = Letter();
  injected.to = "a.jansen@example.org>\r\nRCPT TO:<b@example.org";
  EXPECT_EQ(SmtpMailer(settings).Send(injected).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace loket::notify
