// Request metrics in the Prometheus text format, served at /metrics.
// Thread-safety: all methods are thread-safe.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace loket::http {

class Metrics {
 public:
  // Records one handled request. `route` is the route pattern, not the
  // path, so that the number of series stays bounded.
  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  // Adds a gauge computed when /metrics is scraped.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  std::string Render() const;

  static constexpr std::array<double, 9> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,  0.1,    0.25,  1.0};

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
  std::vector<Gauge> gauges_;
};

}  // namespace loket::http
