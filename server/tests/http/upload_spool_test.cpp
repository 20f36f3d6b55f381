// Upload bodies spooled to disk by the HTTP server: a real listener on a loopback port,
// a raw socket client, and the spool folder checked after each case.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "http/router.hpp"
#include "http/server.hpp"

namespace kinora::http {
namespace {

namespace fs = std::filesystem;

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) ++n;
  return n;
}

class upload_spool_suite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kinora-spool-" + std::to_string(std::random_device{}() % 1000000000));
    fs::create_directories(dir_ / "spool");
    // A leftover of a crashed server (removed at start) and one a live server holds (kept).
    std::ofstream(dir_ / "spool" / "upload-stale01.part") << "old";
    held_fd_ =
        ::open((dir_ / "spool" / "upload-held01.part").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    ::flock(held_fd_, LOCK_EX);

    routes_.add(method::post, "/upload", access::anyone, [this](context& ctx) -> result<response> {
      std::lock_guard lock(mutex_);
      seen_body_ = ctx.req.body;
      seen_file_.clear();
      if (ctx.req.body_file) {
        std::ifstream in(*ctx.req.body_file, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        seen_file_ = ss.str();
        if (ctx.req.query == "keep") fs::rename(*ctx.req.body_file, dir_ / "kept");
      }
      response r;
      r.status = 201;
      r.body = std::to_string(seen_file_.size());
      return r;
    });
    routes_.add(method::post, "/echo", access::anyone, [](context& ctx) -> result<response> {
      response r;
      r.body = ctx.req.body;
      if (ctx.req.body_file) r.status = 500;
      return r;
    });
    server_options o;
    o.port = 0;
    o.body_limit = 1024;
    o.upload_limit = 100000;
    o.spool_prefixes = {"/upload"};
    o.spool_dir = (dir_ / "spool").string();
    server_ = std::make_unique<server>(o, routes_, log_);
    port_ = server_->listen();
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    ::close(held_fd_);
    fs::remove_all(dir_);
  }

  int connect_client() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }
  static void send_all(int fd, std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  // Everything the server sends until it closes the connection (or 5 s pass).
  static std::string read_all(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
      const auto n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  std::string exchange(std::string_view request) {
    const int fd = connect_client();
    send_all(fd, request);
    auto answer = read_all(fd);
    ::close(fd);
    return answer;
  }
  // The spool folder is emptied by the session shortly after the socket closes.
  bool spool_settles_at(std::size_t n) {
    for (int i = 0; i < 100; ++i) {
      if (files_in(dir_ / "spool") == n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  fs::path dir_;
  int held_fd_ = -1;
  metrics metrics_;
  logger log_{log_level::error};
  router routes_{metrics_, log_};
  std::unique_ptr<server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::string seen_body_, seen_file_;
};

TEST_F(upload_spool_suite, start_removes_only_unheld_leftovers) {
  EXPECT_FALSE(fs::exists(dir_ / "spool" / "upload-stale01.part"));
  EXPECT_TRUE(fs::exists(dir_ / "spool" / "upload-held01.part"));
}

TEST_F(upload_spool_suite, body_arrives_as_a_file_that_is_removed_after_the_response) {
  const std::string body(50000, 'v');
  const auto answer = exchange(
      "POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
      "Content-Length: 50000\r\n\r\n" +
      body);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 201")) << answer;
  {
    std::lock_guard lock(mutex_);
    EXPECT_TRUE(seen_body_.empty());
    EXPECT_EQ(seen_file_, body);
  }
  EXPECT_TRUE(spool_settles_at(1));  // only the held file
}

TEST_F(upload_spool_suite, a_route_may_keep_the_file) {
  const auto answer = exchange(
      "POST /upload?keep HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
      "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 201")) << answer;
  std::ifstream in(dir_ / "kept");
  std::string kept;
  std::getline(in, kept);
  EXPECT_EQ(kept, "hello world");
  EXPECT_TRUE(spool_settles_at(1));
}

TEST_F(upload_spool_suite, declared_length_over_the_limit_is_refused_before_the_body) {
  const int fd = connect_client();
  send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\n");
  const auto answer = read_all(fd);
  ::close(fd);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer;
  EXPECT_NE(answer.find("application/problem+json"), std::string::npos);
  EXPECT_TRUE(spool_settles_at(1));
}

TEST_F(upload_spool_suite, chunked_body_over_the_limit_is_refused_and_removed) {
  std::string request = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(10000, 'c');
  for (int i = 0; i < 15; ++i) request += "2710\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  const auto answer = exchange(request);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer;
  EXPECT_NE(answer.find("100000 bytes"), std::string::npos) << answer;
  EXPECT_TRUE(spool_settles_at(1));
}

TEST_F(upload_spool_suite, a_client_gone_mid_upload_leaves_no_file) {
  const int fd = connect_client();
  send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 90000\r\n\r\n" +
                   std::string(30000, 'p'));
  EXPECT_TRUE(spool_settles_at(2));  // the held file and this upload's
  ::close(fd);
  EXPECT_TRUE(spool_settles_at(1));
}

TEST_F(upload_spool_suite, expect_continue_gets_the_interim_answer) {
  const int fd = connect_client();
  send_all(fd,
           "POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nExpect: 100-continue\r\n"
           "Content-Length: 3\r\n\r\n");
  char buf[64] = {};
  const auto n = ::recv(fd, buf, sizeof buf - 1, 0);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)), "HTTP/1.1 100 Continue\r\n\r\n");
  send_all(fd, "abc");
  EXPECT_TRUE(read_all(fd).starts_with("HTTP/1.1 201"));
  ::close(fd);
}

TEST_F(upload_spool_suite, other_routes_still_get_a_string_body) {
  const auto answer = exchange(
      "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 4\r\n\r\nping");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_TRUE(answer.ends_with("\r\n\r\nping")) << answer;
  EXPECT_TRUE(exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
                  .starts_with("HTTP/1.1 413"));
}

}  // namespace
}  // namespace kinora::http
