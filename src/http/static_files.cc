#include "http/static_files.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "core/files.h"
#include "http/problem.h"

namespace loket::http {
namespace {
const char* ContentTypeFor(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return nullptr;
}
}  // namespace

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return InvalidArgument("static directory not found: " + directory.string());
  }
  auto files = std::unique_ptr<StaticFiles>(new StaticFiles());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (!entry.is_regular_file()) continue;
    const char* type = ContentTypeFor(entry.path().extension().string());
    if (!type) continue;
    LOKET_ASSIGN_OR_RETURN(std::string body, ReadFile(entry.path()));
    File f{type, std::move(body), {}};
    f.etag = "\"" + std::to_string(std::hash<std::string>{}(f.body)) + "\"";
    files->files_[std::filesystem::relative(entry.path(), directory).generic_string()] =
        std::move(f);
  }
  return files;
}

Response StaticFiles::Serve(const std::string& relative) const {
  auto it = files_.find(relative);
  if (it == files_.end()) return ProblemResponse(404, "Not Found");
  Response r = TextResponse(200, it->second.content_type, it->second.body);
  r.SetHeader("Cache-Control", "public, max-age=3600");
  r.SetHeader("ETag", it->second.etag);
  return r;
}

}  // namespace loket::http
