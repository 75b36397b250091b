#include "http/metrics.h"

#include <sstream>

namespace loket::http {

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, method, status}];
  Histogram& h = durations_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP loket_http_requests_total HTTP requests handled.\n"
      << "# TYPE loket_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out << "loket_http_requests_total{route=\"" << route << "\",method=\"" << method
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP loket_http_request_duration_seconds Time to handle a request.\n"
      << "# TYPE loket_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out << "loket_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
    }
    out << "loket_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << h.count << "\n"
        << "loket_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
        << "loket_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count
        << "\n";
  }
  for (const auto& g : gauges_) {
    out << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " gauge\n"
        << g.name << " " << g.read() << "\n";
  }
  return out.str();
}

}  // namespace loket::http
