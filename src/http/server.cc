#include "http/server.h"

#include <restinio/all.hpp>
#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <optional>
#include <string_view>

#include "core/log.h"
#include "core/strings.h"
#include "http/problem.h"

namespace loket::http {
namespace {

struct Traits : public restinio::default_traits_t {
  using request_handler_t = restinio::router::express_router_t<>;
  // RESTinio 0.6.16's connection count limiter is read by connections that
  // can outlive it when the server stops (a use-after-free found by ASan),
  // so the number of connections is limited by nginx in front instead.
  static constexpr bool use_connection_count_limiter = false;
};

using Router = Traits::request_handler_t;

Method ToMethod(const restinio::http_method_id_t& m) {
  if (m == restinio::http_method_get()) return Method::kGet;
  if (m == restinio::http_method_head()) return Method::kHead;
  if (m == restinio::http_method_post()) return Method::kPost;
  if (m == restinio::http_method_put()) return Method::kPut;
  if (m == restinio::http_method_patch()) return Method::kPatch;
  if (m == restinio::http_method_delete()) return Method::kDelete;
  if (m == restinio::http_method_options()) return Method::kOptions;
  return Method::kOther;
}

restinio::http_method_id_t FromMethod(Method m) {
  switch (m) {
    case Method::kGet: return restinio::http_method_get();
    case Method::kHead: return restinio::http_method_head();
    case Method::kPost: return restinio::http_method_post();
    case Method::kPut: return restinio::http_method_put();
    case Method::kPatch: return restinio::http_method_patch();
    case Method::kDelete: return restinio::http_method_delete();
    case Method::kOptions: return restinio::http_method_options();
    case Method::kOther: break;
  }
  return restinio::http_method_get();
}

const char* MethodName(Method m) {
  switch (m) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: break;
  }
  return "OTHER";
}

// Splits a multipart/form-data body: parts with a file name go to
// `files`, the others to `form`. False when the body is malformed (no
// boundary, no parts, a part without a form-data name).
bool ParseMultipart(const restinio::request_handle_t& req, Request& out) {
  namespace hfp = restinio::http_field_parsers;
  namespace mb = restinio::multipart_body;
  bool well_formed = true;
  auto parts = mb::enumerate_parts(
      *req,
      [&](const mb::parsed_part_t& part) {
        auto refuse = [&] {
          well_formed = false;
          return mb::handling_result_t::terminate_enumeration;
        };
        auto disposition = part.fields.opt_value_of(restinio::http_field::content_disposition);
        if (!disposition) return refuse();
        auto parsed = hfp::content_disposition_value_t::try_parse(*disposition);
        if (!parsed || AsciiLower(parsed->value) != "form-data") return refuse();
        auto name = hfp::find_first(parsed->parameters, "name");
        if (!name) return refuse();
        auto filename = hfp::find_first(parsed->parameters, "filename");
        auto filename_star = hfp::find_first(parsed->parameters, "filename*");
        if (!filename && !filename_star) {
          out.form.emplace(std::string(*name), std::string(part.body));
          return mb::handling_result_t::continue_enumeration;
        }
        UploadedFile file;
        file.name = std::string(*name);
        if (filename_star) {
          // RFC 5987: charset'language'percent-encoded; browsers send UTF-8.
          std::string_view value = *filename_star;
          size_t quote = value.find('\'', value.find('\'') + 1);
          if (quote != std::string_view::npos) {
            file.filename = restinio::utils::unescape_percent_encoding<
                restinio::utils::relaxed_unescape_traits>(value.substr(quote + 1));
          }
        }
        if (file.filename.empty() && filename) file.filename = std::string(*filename);
        auto type = part.fields.opt_value_of(restinio::http_field::content_type);
        if (type) file.content_type = std::string(*type);
        file.data = std::string(part.body);
        out.files.push_back(std::move(file));
        return mb::handling_result_t::continue_enumeration;
      },
      "multipart", "form-data");
  return parts && well_formed;
}

// Builds our Request from RESTinio's; on malformed input (query string or
// form body) says what was wrong, for the 400 problem.
std::optional<std::string_view> Convert(const restinio::request_handle_t& req, Request& out) {
  const auto& h = req->header();
  out.method = ToMethod(h.method());
  out.target = std::string(h.request_target());
  try {
    out.path = restinio::utils::unescape_percent_encoding<restinio::utils::relaxed_unescape_traits>(
        h.path());
    auto qp = restinio::parse_query<restinio::parse_query_traits::relaxed>(h.query());
    for (const auto& [k, v] : qp) out.query.emplace(std::string(k), std::string(v));
  } catch (const std::exception&) {
    return "The URL is malformed.";
  }
  try {
    auto content_type = h.opt_value_of(restinio::http_field::content_type);
    std::string type = content_type ? AsciiLower(*content_type) : std::string();
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
      auto fields = restinio::parse_query<restinio::parse_query_traits::relaxed>(req->body());
      for (const auto& [k, v] : fields) out.form.emplace(std::string(k), std::string(v));
    } else if (type.rfind("multipart/form-data", 0) == 0 && !ParseMultipart(req, out)) {
      return "The multipart/form-data body is malformed.";
    }
  } catch (const std::exception&) {
    return "The form body is malformed.";
  }
  h.for_each_field([&](const restinio::http_header_field_t& f) {
    out.headers[AsciiLower(f.name())] = f.value();
  });
  out.body = req->body();
  out.remote_address = req->remote_endpoint().address().to_string();
  return std::nullopt;
}

}  // namespace

void ApplySecurityHeaders(Response& r, bool hsts) {
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
              "form-action 'self'; frame-ancestors 'none'");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  r.SetHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  r.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  r.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (hsts) r.SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!r.FindHeader("Cache-Control")) r.SetHeader("Cache-Control", "no-cache");
}

struct Server::Impl {
  ServerOptions options;
  Metrics* metrics;
  std::unique_ptr<Router> router = std::make_unique<Router>();
  Handler fallback;
  std::atomic<uint16_t> port{0};
  restinio::running_server_handle_t<Traits> running;

  restinio::request_handling_status_t Handle(const restinio::request_handle_t& req,
                                             const std::string& route, const Handler& handler,
                                             restinio::router::route_params_t* params,
                                             const std::vector<std::string>& param_names) {
    auto start = std::chrono::steady_clock::now();
    Request request;
    Response response;
    if (auto malformed = Convert(req, request)) {
      response = ProblemResponse(400, "Bad Request", *malformed);
    } else {
      request.remote_address = ClientAddress(
          request.remote_address, request.Header("x-forwarded-for"), options.trusted_proxies);
      for (const std::string& name : param_names) {
        try {
          request.params[name] = restinio::utils::unescape_percent_encoding<
              restinio::utils::relaxed_unescape_traits>((*params)[name]);
        } catch (const std::exception&) {
          request.params[name].clear();  // undecodable: matches no object
        }
      }
      try {
        response = handler(request);
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "handler_exception", e.what());
        response = ProblemResponse(500, "Internal Server Error");
      }
    }
    ApplySecurityHeaders(response, options.hsts);
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        ReasonPhrase(response.status)});
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) builder.append_header(name, value);
    if (request.method != Method::kHead) builder.set_body(std::move(response.body));
    // Recorded before sending, so a client that saw the response also sees
    // it counted.
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (metrics) metrics->Observe(route, MethodName(request.method), response.status, seconds);
    return builder.done();
  }
};

Server::Server(ServerOptions options, Metrics* metrics) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->metrics = metrics;
}

Server::~Server() { Stop(); }

void Server::Route(Method method, const std::string& pattern, Handler handler) {
  auto shared = std::make_shared<Handler>(std::move(handler));
  std::vector<std::string> names;
  for (size_t pos = pattern.find(':'); pos != std::string::npos; pos = pattern.find(':', pos)) {
    size_t end = pattern.find_first_of("/(", pos);
    names.push_back(pattern.substr(pos + 1, end == std::string::npos ? end : end - pos - 1));
    pos = end;
  }
  Impl* impl = impl_.get();
  auto add = [&](Method m) {
    impl->router->add_handler(FromMethod(m), pattern,
                              [impl, shared, pattern, names](auto req, auto params) {
                                return impl->Handle(req, pattern, *shared, &params, names);
                              });
  };
  add(method);
  if (method == Method::kGet) add(Method::kHead);
}

void Server::SetFallback(Handler handler) { impl_->fallback = std::move(handler); }

Status Server::Start() {
  Impl* impl = impl_.get();
  if (!impl->fallback) {
    impl->fallback = [](const Request&) { return ProblemResponse(404, "Not Found"); };
  }
  impl->router->non_matched_request_handler([impl](auto req) {
    return impl->Handle(req, "unmatched", impl->fallback, nullptr, {});
  });
  const ServerOptions& o = impl->options;
  restinio::server_settings_t<Traits> settings;
  settings.address(o.address)
      .port(o.port)
      .buffer_size(16 * 1024)
      .read_next_http_message_timelimit(o.read_timeout)
      .write_http_response_timelimit(o.write_timeout)
      .handle_request_timeout(o.handler_timeout)
      .max_pipelined_requests(1)
      // One accept at a time queues new connections behind busy handlers:
      // under load their first request waited a second or more.
      .concurrent_accepts_count(o.threads)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(o.max_url_bytes)
                                    .max_field_name_size(o.max_header_name_bytes)
                                    .max_field_value_size(o.max_header_value_bytes)
                                    .max_field_count(o.max_header_count)
                                    .max_body_size(o.max_body_bytes))
      .acceptor_post_bind_hook([impl](asio::ip::tcp::acceptor& acceptor) {
        impl->port = acceptor.local_endpoint().port();
      })
      .request_handler(std::move(impl->router));
  try {
    impl->running =
        restinio::run_async(restinio::own_io_context(), std::move(settings), o.threads);
  } catch (const std::exception& e) {
    return Unavailable(std::string("cannot listen on ") + o.address + ":" +
                       std::to_string(o.port) + ": " + e.what());
  }
  return {};
}

uint16_t Server::port() const { return impl_->port; }

void Server::Stop() {
  if (impl_ && impl_->running) {
    impl_->running->stop();
    impl_->running->wait();
    impl_->running.reset();
  }
}

}  // namespace loket::http
