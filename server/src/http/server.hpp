#pragma once
// The HTTP/1.1 listener. The only part of Kinora that sees Boost.Beast and Asio:
// I/O threads parse and write; handlers run on a separate worker pool so a slow
// database call never stalls a socket.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/log.hpp"
#include "http/router.hpp"

namespace kinora::http {

struct server_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  unsigned io_threads = 1;
  unsigned workers = 4;
  std::size_t header_limit = 16 * 1024;
  // CIDRs of reverse proxies whose X-Forwarded-For names the client (client_address.hpp).
  std::vector<std::string> trusted_proxies;
  std::size_t body_limit = 1024 * 1024;
  // Requests under these path prefixes (media and guide uploads) get their own body limit
  // and time.
  std::vector<std::string> upload_prefixes;
  std::size_t upload_limit = 1024 * 1024;
  std::chrono::seconds upload_timeout{600};
  // Uploads under these prefixes are written to a file in spool_dir as they arrive (never
  // held in memory) and handed to the route as request::body_file. listen() removes files
  // there that no running server holds (left by a crash).
  std::vector<std::string> spool_prefixes;
  std::string spool_dir;
  // Paths answered on the I/O thread itself: cheap, never waiting on the database, so
  // they answer while every worker is stuck (liveness, metrics, the API document).
  std::vector<std::string> inline_paths;
  // Paths answered on a thread of their own, for the same reason, whose handlers bound
  // their own waits (readiness checks the database within a second).
  std::vector<std::string> ops_paths;
  std::chrono::seconds read_timeout{30};  // for one request, from its first byte
  std::chrono::seconds idle_timeout{75};  // between requests on a keep-alive connection
  std::chrono::seconds shutdown_grace{20};
};

class server {
 public:
  server(server_options options, router& r, logger& log);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Binds and listens; throws std::runtime_error if the address is unusable.
  // Returns the bound port (useful with port 0).
  std::uint16_t listen();
  // Serves until SIGINT/SIGTERM or stop(), then lets in-flight requests finish.
  void run();
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace kinora::http
