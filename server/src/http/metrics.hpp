#pragma once
// Prometheus text exposition: request counts and latency histograms per route,
// plus gauges that other modules contribute (database pool use).
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace kinora::http {

class metrics {
 public:
  using collector = std::function<void(std::string& out)>;

  void observe(const std::string& route, std::string_view method, unsigned status, double seconds);
  void add_collector(collector c);
  std::string render() const;

 private:
  static constexpr double bounds_[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                       0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct histogram {
    std::vector<std::uint64_t> buckets = std::vector<std::uint64_t>(std::size(bounds_), 0);
    std::uint64_t count = 0;
    double sum = 0;
  };
  using request_counts = std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t>;
  using latencies = std::map<std::pair<std::string, std::string>, histogram>;
  // Each thread counts into the shard its id hashes to, so I/O threads and workers rarely
  // wait on one another; render() adds the shards up.
  struct shard {
    std::mutex mutex;
    request_counts requests;
    latencies latency;
  };
  static constexpr std::size_t shard_count = 8;
  mutable std::array<shard, shard_count> shards_;
  mutable std::mutex collectors_mutex_;
  std::vector<collector> collectors_;
};

}  // namespace kinora::http
