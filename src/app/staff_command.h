// `loket staff add`: creates a staff account on the command line and shows
// its TOTP enrolment (QR code in the terminal, otpauth URI, secret).
#pragma once

#include "app/config.h"
#include "core/status.h"
#include "storage/database.h"

namespace loket::app {

Status RunStaffCommand(const Config& config, storage::Database& db);

}  // namespace loket::app
