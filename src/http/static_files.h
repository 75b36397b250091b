// Serves the files below a directory (CSS, scripts, images, the OpenAPI
// document), read once at start-up. Only known file types are served, with
// a content type chosen by extension from a fixed list; nothing is ever
// served as HTML from here.
// Thread-safety: immutable after Load().
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/request.h"

namespace loket::http {

class StaticFiles {
 public:
  static Result<std::unique_ptr<StaticFiles>> Load(const std::filesystem::path& directory);
  // `relative` is the path below the directory, e.g. "css/site.css".
  Response Serve(const std::string& relative) const;
  bool Has(const std::string& relative) const { return files_.count(relative) > 0; }

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string etag;
  };
  std::map<std::string, File> files_;
};

}  // namespace loket::http
