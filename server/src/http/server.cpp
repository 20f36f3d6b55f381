#include "http/server.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "http/problem.hpp"
#include "http/query.hpp"

namespace kinora::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Files up to this size (media segments, app bundles) are read here on a worker and sent in
// one write; Beast's file_body would read them 4 KiB at a time on the I/O thread.
constexpr std::uint64_t inline_file_limit = 16 << 20;

void load_small_file(response& res) {
  if (!res.file || res.file->length > inline_file_limit) return;
  const int fd = ::open(res.file->path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;  // respond() reports the file as gone
  std::string body(res.file->length, '\0');
  std::uint64_t done = 0;
  while (done < body.size()) {
    const auto n = ::pread(fd, body.data() + done, body.size() - done,
                           static_cast<off_t>(res.file->offset + done));
    if (n <= 0) break;
    done += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  if (done != body.size()) return;
  res.file.reset();
  res.body = std::move(body);
}

method from_beast(bhttp::verb v) {
  switch (v) {
    case bhttp::verb::get:
      return method::get;
    case bhttp::verb::head:
      return method::head;
    case bhttp::verb::post:
      return method::post;
    case bhttp::verb::put:
      return method::put;
    case bhttp::verb::patch:
      return method::patch;
    case bhttp::verb::delete_:
      return method::del;
    case bhttp::verb::options:
      return method::options;
    default:
      return method::other;
  }
}

}  // namespace

struct server::impl {
  class session;

  impl(server_options o, router& r, logger& l)
      : options(std::move(o)),
        routes(r),
        log(l),
        ioc(static_cast<int>(options.io_threads)),
        workers(options.workers),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        deadline(ioc) {}

  server_options options;
  router& routes;
  logger& log;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer deadline;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::set<std::shared_ptr<session>> sessions;

  void accept();
  void begin_shutdown();
  void forget(const std::shared_ptr<session>& s);
};

class server::impl::session : public std::enable_shared_from_this<session> {
 public:
  session(impl& owner, tcp::socket socket) : owner_(owner), stream_(std::move(socket)) {
    beast::error_code ec;
    const auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = ep.address().to_string();
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  // Called on shutdown: idle connections close now, busy ones after their response.
  void drain() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->busy_) self->close();
    });
  }

 private:
  void read() {
    if (closing_) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(owner_.options.header_limit));
    // Beast checks Content-Length against the limit as the header completes, before the
    // target is known: admit the larger limit now, and apply the target's in on_header.
    parser_->body_limit(std::max(owner_.options.body_limit, owner_.options.upload_prefixes.empty()
                                                                ? std::size_t{0}
                                                                : owner_.options.upload_limit));
    stream_.expires_after(first_request_ ? owner_.options.read_timeout
                                         : owner_.options.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  bool is_upload(std::string_view target) const {
    for (const auto& prefix : owner_.options.upload_prefixes)
      if (!prefix.empty() && target.starts_with(prefix)) return true;
    return false;
  }

  // Uploads may be far larger than API bodies and take longer to arrive.
  void on_header(beast::error_code ec) {
    if (ec) return on_read(ec);
    const auto& opt = owner_.options;
    const bool upload = is_upload(parser_->get().target());
    const auto limit = upload ? opt.upload_limit : opt.body_limit;
    if (const auto length = parser_->content_length(); length && *length > limit)
      return reject(bhttp::error::body_limit);
    parser_->body_limit(limit);
    if (upload) stream_.expires_after(opt.upload_timeout);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    first_request_ = false;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof)
      return close();
    if (ec) return reject(ec);

    auto& msg = parser_->get();
    request req;
    req.method = from_beast(msg.method());
    req.target = std::string(msg.target());
    const auto q = req.target.find('?');
    auto decoded = percent_decode(std::string_view(req.target).substr(0, q), false);
    if (!decoded || decoded->empty() || decoded->front() != '/') {
      return respond(problem(fail(errc::bad_request, "The request target is not a valid path.",
                                  "malformed-target"),
                             "/"),
                     false, false);
    }
    req.path = std::move(*decoded);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.client_address = client_;
    const bool keep_alive = msg.keep_alive();
    const bool head = req.method == method::head;

    busy_ = true;
    stream_.expires_never();
    asio::post(owner_.workers,
               [self = shared_from_this(), req = std::move(req), keep_alive, head]() mutable {
                 response res = self->owner_.routes.dispatch(req);
                 if (!head) load_small_file(res);
                 asio::post(self->stream_.get_executor(),
                            [self, res = std::move(res), keep_alive, head]() mutable {
                              self->respond(std::move(res), keep_alive, head);
                            });
               });
  }

  // A request that could not be parsed gets a problem response, then the connection closes.
  void reject(beast::error_code ec) {
    error e = fail(errc::bad_request, "The request could not be parsed: " + ec.message() + ".",
                   "malformed-request");
    if (ec == bhttp::error::body_limit)
      e = fail(errc::payload_too_large,
               "The request body exceeds " +
                   std::to_string(is_upload(parser_->get().target()) ? owner_.options.upload_limit
                                                                     : owner_.options.body_limit) +
                   " bytes.");
    else if (ec == bhttp::error::header_limit)
      e = fail(
          errc::headers_too_large,
          "The request headers exceed " + std::to_string(owner_.options.header_limit) + " bytes.");
    // The target is known once the header is in (an oversized body); otherwise "/".
    std::string instance = "/";
    if (parser_ && parser_->is_header_done()) {
      const auto target = parser_->get().target();
      instance = std::string(target.substr(0, target.find('?')));
    }
    respond(problem(e, instance), false, false);
  }

  void respond(response res, bool keep_alive, bool head) {
    busy_ = true;
    keep_alive = keep_alive && !closing_ && !owner_.stopping;
    auto fill = [&](auto& msg) {
      msg.result(res.status);
      msg.keep_alive(keep_alive);
      msg.set(bhttp::field::server, "kinora");
      for (auto& [name, value] : res.headers) msg.set(name, value);
    };
    if (res.file && head) {
      bhttp::response<bhttp::empty_body> msg;
      fill(msg);
      msg.content_length(res.file->length);
      return write(std::move(msg), keep_alive);
    }
    if (res.file) {
      bhttp::response<bhttp::file_body> msg;
      fill(msg);
      beast::error_code ec;
      bhttp::file_body::value_type body;
      body.open(res.file->path.c_str(), beast::file_mode::scan, ec);
      if (!ec && (res.file->offset != 0 || res.file->length != body.size())) {
        // A byte range: small enough (media segments) to send from memory.
        std::string part(res.file->length, '\0');
        body.file().seek(res.file->offset, ec);
        if (!ec) body.file().read(part.data(), part.size(), ec);
        if (!ec) {
          res.file.reset();
          res.body = std::move(part);
          return respond(std::move(res), keep_alive, head);
        }
      }
      if (ec) {
        return respond(problem(fail(errc::not_found, "The file is no longer available."), "/"),
                       keep_alive, head);
      }
      msg.body() = std::move(body);
      msg.prepare_payload();
      return write(std::move(msg), keep_alive);
    }
    bhttp::response<bhttp::string_body> msg;
    fill(msg);
    if (head) {
      msg.content_length(res.body.size());
    } else {
      msg.body() = std::move(res.body);
      msg.prepare_payload();
    }
    write(std::move(msg), keep_alive);
  }

  template <class Message>
  void write(Message&& msg, bool keep_alive) {
    stream_.expires_after(owner_.options.read_timeout);
    beast::async_write(stream_, bhttp::message_generator(std::forward<Message>(msg)),
                       [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         self->busy_ = false;
                         if (ec || !keep_alive || self->closing_) return self->close();
                         self->read();
                       });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
    owner_.forget(shared_from_this());
  }

  impl& owner_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string client_;
  bool busy_ = false;
  bool closing_ = false;
  bool closed_ = false;
  bool first_request_ = true;
};

void server::impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) return;
      log.warn("accept failed", {{"error", ec.message()}});
    } else {
      auto s = std::make_shared<session>(*this, std::move(socket));
      {
        std::lock_guard lock(sessions_mutex);
        sessions.insert(s);
      }
      s->start();
    }
    if (!stopping) accept();
  });
}

void server::impl::forget(const std::shared_ptr<session>& s) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(s);
  if (stopping && sessions.empty()) asio::post(ioc, [this] { deadline.cancel(); });
}

void server::impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  log.info("shutting down: finishing in-flight requests");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel();
  std::vector<std::shared_ptr<session>> open;
  {
    std::lock_guard lock(sessions_mutex);
    open.assign(sessions.begin(), sessions.end());
  }
  for (auto& s : open) s->drain();
  // Whatever is still running after the grace period is cut off.
  deadline.expires_after(options.shutdown_grace);
  deadline.async_wait([this](beast::error_code wait_ec) {
    if (!wait_ec) {
      log.warn("shutdown grace period over; closing remaining connections");
      ioc.stop();
    }
  });
  if (open.empty()) deadline.cancel();
}

server::server(server_options options, router& r, logger& log)
    : impl_(std::make_unique<impl>(std::move(options), r, log)) {}

server::~server() = default;

std::uint16_t server::listen() {
  auto& i = *impl_;
  beast::error_code ec;
  const auto address = asio::ip::make_address(i.options.host, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + i.options.host + "'");
  const tcp::endpoint endpoint{address, i.options.port};
  i.acceptor.open(endpoint.protocol(), ec);
  if (!ec) i.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) i.acceptor.bind(endpoint, ec);
  if (!ec) i.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + i.options.host + ":" +
                             std::to_string(i.options.port) + ": " + ec.message());
  return i.acceptor.local_endpoint().port();
}

void server::run() {
  auto& i = *impl_;
  i.signals.async_wait([&i](beast::error_code ec, int) {
    if (!ec) i.begin_shutdown();
  });
  i.accept();
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < i.options.io_threads; ++t) threads.emplace_back([&i] { i.ioc.run(); });
  i.ioc.run();
  for (auto& t : threads) t.join();
  i.workers.join();
}

void server::stop() {
  asio::post(impl_->ioc, [&i = *impl_] { i.begin_shutdown(); });
}

}  // namespace kinora::http
