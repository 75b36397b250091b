#include "http/templates.h"

#include <atomic>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <unordered_map>

#include "core/files.h"

namespace loket::http {
namespace {

namespace mustache = kainjow::mustache;

std::atomic<size_t> g_next_id{1};

mustache::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToData(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& item : j) d.push_back(ToData(item));
      return d;
    }
    case nlohmann::json::value_t::string:
      // An empty text is false, so `{{#x}}…{{/x}}` hides what has no content.
      if (j.get_ref<const std::string&>().empty()) {
        return mustache::data{mustache::data::type::bool_false};
      }
      return mustache::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return mustache::data{j.get<bool>() ? mustache::data::type::bool_true
                                          : mustache::data::type::bool_false};
    case nlohmann::json::value_t::null:
      return mustache::data{mustache::data::type::bool_false};
    default:
      return mustache::data{j.dump()};
  }
}

}  // namespace

class Templates::Shared {
 public:
  explicit Shared(mustache::data data) : data_(std::move(data)) {}
  const mustache::data& data() const { return data_; }

 private:
  mustache::data data_;
};

std::shared_ptr<const Templates::Shared> Templates::Prepare(const nlohmann::json& data) {
  return std::make_shared<const Shared>(ToData(data));
}

Result<std::unique_ptr<Templates>> Templates::Load(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return InvalidArgument("template directory not found: " + directory.string());
  }
  auto t = std::unique_ptr<Templates>(new Templates());
  t->id_ = g_next_id++;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".mustache") continue;
    LOKET_ASSIGN_OR_RETURN(std::string source, ReadFile(entry.path()));
    mustache::mustache compiled(source);
    if (!compiled.is_valid()) {
      return InvalidArgument("template " + entry.path().filename().string() + ": " +
                             compiled.error_message());
    }
    t->sources_[entry.path().stem().string()] = std::move(source);
  }
  // Templates whose name starts with "_" are partials: "{{> _name}}" in
  // another template renders one in that place's context.
  mustache::data partials{mustache::data::type::object};
  for (const auto& [name, source] : t->sources_) {
    if (name.starts_with("_")) {
      partials.set(name, mustache::partial([source = source] { return source; }));
    }
  }
  t->partials_ = std::make_shared<const Shared>(std::move(partials));
  return t;
}

Result<std::string> Templates::Render(const std::string& name, const nlohmann::json& context,
                                      const Shared* shared) const {
  auto src = sources_.find(name);
  if (src == sources_.end()) return Internal("no template " + name);
  // A compiled template keeps render state, so each thread compiles its own
  // copy once and reuses it.
  thread_local std::unordered_map<std::string, std::unique_ptr<mustache::mustache>> cache;
  std::string key = std::to_string(id_) + "/" + name;
  auto& compiled = cache[key];
  if (!compiled) compiled = std::make_unique<mustache::mustache>(src->second);
  mustache::data own = ToData(context);
  static const mustache::data kNothing{mustache::data::type::object};
  mustache::context<std::string> stack(shared ? &shared->data() : &kNothing);
  stack.push(&partials_->data());
  stack.push(&own);
  std::string out = compiled->render(stack);
  if (!compiled->is_valid()) {
    std::string err = compiled->error_message();
    compiled.reset();
    return Internal("render " + name + ": " + err);
  }
  return out;
}

}  // namespace loket::http
