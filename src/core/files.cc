#include "core/files.h"

#include <fstream>
#include <sstream>

namespace loket {

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read " + path.string());
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Unavailable("error reading " + path.string());
  return ss.str();
}

}  // namespace loket
