// Mustache templates for the server-rendered pages.
//
// Every *.mustache file in the template directory is loaded at start-up
// and compiled once; a page is rendered from a JSON context. Values are
// HTML-escaped unless the template uses triple braces, which the project
// uses only for HTML it produced itself (snippets, rendered pages). An
// empty string counts as false in sections. A template whose name starts
// with "_" is a partial that others include with "{{> _name}}".
// Thread-safety: Render() may be called from many threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace loket::http {

class Templates {
 public:
  static Result<std::unique_ptr<Templates>> Load(const std::filesystem::path& directory);

  // Data many renders share (e.g. the interface texts of one language),
  // converted once; a render looks names up in its own context first.
  class Shared;
  static std::shared_ptr<const Shared> Prepare(const nlohmann::json& data);

  // Renders the template `name` (file name without .mustache).
  Result<std::string> Render(const std::string& name, const nlohmann::json& context,
                             const Shared* shared = nullptr) const;
  bool Has(const std::string& name) const { return sources_.count(name) > 0; }

 private:
  std::map<std::string, std::string> sources_;
  std::shared_ptr<const Shared> partials_;  // the "_" templates, by name
  size_t id_ = 0;  // distinguishes instances in the per-thread compile cache
};

}  // namespace loket::http
