#include "app/staff_command.h"

#include <qrencode.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "identity/staff_directory.h"

namespace loket::app {
namespace {

// Reads a line from standard input; without echo when it is a terminal.
std::string ReadSecretLine(const char* prompt) {
  bool tty = isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  return line;
}

// The QR code in UTF-8 half blocks, two modules a character row, light on
// dark as terminals show it, with a quiet zone.
std::string TerminalQr(const std::string& text) {
  QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return "";
  const int margin = 2;
  const int size = qr->width + 2 * margin;
  auto dark = [&](int x, int y) {
    x -= margin;
    y -= margin;
    if (x < 0 || y < 0 || x >= qr->width || y >= qr->width) return false;
    return (qr->data[y * qr->width + x] & 1) != 0;
  };
  std::string out;
  for (int y = 0; y < size; y += 2) {
    for (int x = 0; x < size; ++x) {
      bool top = !dark(x, y), bottom = y + 1 < size && !dark(x, y + 1);
      out += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    out += '\n';
  }
  QRcode_free(qr);
  return out;
}

}  // namespace

Status RunStaffCommand(const Config& c, storage::Database& db) {
  if (c.args.empty() || c.args[0] != "add") {
    return InvalidArgument("usage: loket staff add --email E --name N --role R [--post P]");
  }
  identity::NewStaff staff;
  staff.email = c.staff_email;
  staff.name = c.staff_name;
  staff.post = c.staff_post;
  for (const std::string& name : c.staff_roles) {
    auto role = identity::ParseRole(name);
    if (!role) {
      return InvalidArgument(
          "role: one of agent, back-office, supervisor, editor, "
          "crisis-coordinator, administrator (not '" +
          name + "')");
    }
    staff.roles.push_back(*role);
  }
  staff.password = ReadSecretLine("Password (12 characters or more): ");
  if (isatty(STDIN_FILENO) != 0 && ReadSecretLine("Password again: ") != staff.password) {
    return InvalidArgument("password: the two entries differ");
  }
  auto repository = identity::NewSqlStaffRepository(db);
  identity::StaffDirectory directory(*repository, [] { return std::chrono::system_clock::now(); });
  LOKET_ASSIGN_OR_RETURN(auto added, directory.Add(staff));
  const auto& [member, enrolment] = added;
  std::printf("staff member %lld added: %s <%s>\n", static_cast<long long>(member.id),
              member.name.c_str(), member.email.c_str());
  std::printf("\nThe second factor: scan this code with an authenticator app (shown once).\n\n%s\n",
              TerminalQr(enrolment.uri).c_str());
  std::printf("%s\nsecret: %s\n", enrolment.uri.c_str(), enrolment.secret.c_str());
  return {};
}

}  // namespace loket::app
