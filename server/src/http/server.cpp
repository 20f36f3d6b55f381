#include "http/server.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "http/client_address.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"
#include "http/router.hpp"

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

// An upload's body on disk. The descriptor holds an flock while a request owns the file, so
// a server starting on the same media dir tells live uploads from ones a crash left behind.
struct spool_file {
  std::string path;
  int fd = -1;
  spool_file() = default;
  spool_file(const spool_file&) = delete;
  spool_file& operator=(const spool_file&) = delete;
  ~spool_file() {
    ::unlink(path.c_str());  // fails harmlessly once the route has moved the file away
    if (fd >= 0) ::close(fd);
  }
};

std::shared_ptr<spool_file> create_spool_file(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string path = dir + "/upload-XXXXXX.part";
  const int fd = ::mkostemps(path.data(), 5, O_CLOEXEC);
  if (fd < 0) return nullptr;
  ::flock(fd, LOCK_EX | LOCK_NB);
  auto f = std::make_shared<spool_file>();
  f->path = std::move(path);
  f->fd = fd;
  return f;
}

std::size_t remove_stale_spool_files(const std::string& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() != ".part") continue;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(path.c_str()) == 0) ++removed;
    ::close(fd);
  }
  return removed;
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
        ops(1),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        deadline(asio::make_strand(ioc)) {}

  server_options options;
  trusted_proxies proxies{options.trusted_proxies};
  router& routes;
  logger& log;
  asio::io_context ioc;
  asio::thread_pool workers;
  asio::thread_pool ops;  // ops_paths
  tcp::acceptor acceptor;
  asio::signal_set signals;
  // The shutdown grace. Armed and cancelled on its own strand: the last connection can
  // close on another I/O thread while shutdown is still arming it.
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

  // Called on shutdown: idle connections (no request head in) close now, busy ones after
  // their response.
  void drain() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->busy_) self->close();
    });
  }

 private:
  void read() {
    if (closing_) return close();
    const auto& opt = owner_.options;
    target_.clear();
    text_.reset();
    spooled_.reset();
    header_.emplace();
    header_->header_limit(static_cast<std::uint32_t>(opt.header_limit));
    // Beast would check Content-Length against a limit as the header completes, before the
    // target is known: none here; on_header applies the target's.
    header_->body_limit(boost::none);
    stream_.expires_after(first_request_ ? opt.read_timeout : opt.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *header_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  static bool matches(const std::vector<std::string>& prefixes, std::string_view target) {
    for (const auto& prefix : prefixes)
      if (!prefix.empty() && target.starts_with(prefix)) return true;
    return false;
  }
  bool is_upload(std::string_view target) const {
    return matches(owner_.options.upload_prefixes, target) || is_spooled(target);
  }
  bool is_spooled(std::string_view target) const {
    return !owner_.options.spool_dir.empty() && matches(owner_.options.spool_prefixes, target);
  }

  // Uploads may be far larger than API bodies and take longer to arrive.
  // Spooled uploads continue into a file, everything else into a string.
  void on_header(beast::error_code ec) {
    if (ec) return on_read(ec);
    // From its head on, a request counts as in flight: shutdown lets its body arrive and
    // answers it within the grace, instead of closing it as idle.
    busy_ = true;
    const auto& opt = owner_.options;
    target_ = std::string(header_->get().target());
    const bool upload = is_upload(target_);
    const auto limit = upload ? opt.upload_limit : opt.body_limit;
    // Who sends an upload is known from its head: nobody else's body is taken in.
    if (upload) {
      request head;
      fill_request(header_->get(), head);
      if (parse_target(target_, head))
        if (auto refused = owner_.routes.refuse_head(head)) {
          linger_ = true;
          return respond(std::move(*refused), false, false);
        }
    }
    if (const auto length = header_->content_length(); length && *length > limit)
      return reject(bhttp::error::body_limit);
    if (upload) stream_.expires_after(opt.upload_timeout);
    const bool expects_continue =
        beast::iequals(header_->get()[bhttp::field::expect], "100-continue");
    if (is_spooled(target_)) {
      spool_ = create_spool_file(opt.spool_dir);
      beast::file file;
      if (spool_) {
        file.native_handle(::dup(spool_->fd));
        spooled_.emplace(std::move(*header_));
        spooled_->get().body().reset(std::move(file), ec);
      }
      header_.reset();
      if (!spool_ || ec) {
        spool_.reset();
        owner_.log.error("cannot create an upload file",
                         {{"dir", opt.spool_dir}, {"error", std::strerror(errno)}});
        linger_ = true;
        return respond(
            problem(fail(errc::unavailable, "The upload could not be stored."), path_of(target_)),
            false, false);
      }
      spooled_->body_limit(limit);
      // Beast reads into what the buffer has room for (the header's size, about 1 KiB):
      // room for 64 KiB cuts the reads and file writes per upload by fifty.
      buffer_.reserve(64 * 1024);
      return continue_then(
          [self = shared_from_this()] {
            bhttp::async_read(
                self->stream_, self->buffer_, *self->spooled_,
                [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
          },
          expects_continue);
    }
    text_.emplace(std::move(*header_));
    header_.reset();
    text_->body_limit(limit);
    continue_then(
        [self = shared_from_this()] {
          bhttp::async_read(
              self->stream_, self->buffer_, *self->text_,
              [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
        },
        expects_continue);
  }

  // A client that sent "Expect: 100-continue" waits for this before sending the body.
  template <class Next>
  void continue_then(Next next, bool expects_continue) {
    if (!expects_continue) return next();
    static constexpr std::string_view interim = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(stream_, asio::buffer(interim.data(), interim.size()),
                      [self = shared_from_this(), next](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        next();
                      });
  }

  static std::string path_of(std::string_view target) {
    return target.empty() ? "/" : std::string(target.substr(0, target.find('?')));
  }

  // The target, its decoded path and its query; false when the path is not valid.
  bool parse_target(const std::string& target, request& req) const {
    req.target = target;
    const auto q = req.target.find('?');
    auto decoded = percent_decode(std::string_view(req.target).substr(0, q), false);
    if (!decoded || decoded->empty() || decoded->front() != '/') return false;
    req.path = std::move(*decoded);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    req.client_address = owner_.proxies.client_of(client_, req.headers);
    return true;
  }

  template <class Message>
  void fill_request(const Message& msg, request& req) {
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.method = from_beast(msg.method());
  }

  void on_read(beast::error_code ec) {
    first_request_ = false;
    // An upload that did not arrive whole leaves nothing on disk.
    if (ec) spool_.reset();
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || (ec == bhttp::error::partial_message && spooled_))
      return close();
    if (ec == std::errc::no_space_on_device || ec == std::errc::file_too_large)
      return respond(
          problem(fail(errc::unavailable, "The upload could not be stored: " + ec.message() + "."),
                  path_of(target_)),
          false, false);
    if (ec) return reject(ec);

    request req;
    bool keep_alive = false;
    if (spooled_) {
      auto& msg = spooled_->get();
      fill_request(msg, req);
      keep_alive = msg.keep_alive();
      msg.body().close();  // the spool keeps its own descriptor (and lock) until the response
      req.body_file = spool_->path;
    } else {
      auto& msg = text_->get();
      fill_request(msg, req);
      keep_alive = msg.keep_alive();
      req.body = std::move(msg.body());
    }
    if (!parse_target(target_, req)) {
      return respond(unparsed(fail(errc::bad_request, "The request target is not a valid path.",
                                   "malformed-target"),
                              "/"),
                     false, false);
    }
    const bool head = req.method == method::head;

    busy_ = true;
    stream_.expires_never();
    const auto listed = [&](const std::vector<std::string>& paths) {
      return std::find(paths.begin(), paths.end(), req.path) != paths.end();
    };
    if (listed(owner_.options.inline_paths)) {
      response res = owner_.routes.dispatch(req);
      return respond(std::move(res), keep_alive, head);
    }
    // A page already rendered (most catalog reads) costs less than the hop to a worker.
    if (!spooled_) {
      if (auto res = owner_.routes.answer_at_once(req))
        return respond(std::move(*res), keep_alive, head);
    }
    auto& pool = listed(owner_.options.ops_paths) ? owner_.ops : owner_.workers;
    asio::post(pool, [self = shared_from_this(), req = std::move(req), keep_alive, head,
                      spool = std::move(spool_)]() mutable {
      response res = self->owner_.routes.dispatch(req);
      spool.reset();  // removes the upload unless the route took it
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
                   std::to_string(is_upload(target_) ? owner_.options.upload_limit
                                                     : owner_.options.body_limit) +
                   " bytes.");
    else if (ec == bhttp::error::header_limit)
      e = fail(
          errc::headers_too_large,
          "The request headers exceed " + std::to_string(owner_.options.header_limit) + " bytes.");
    // The target is known once the header is in (an oversized body); otherwise "/".
    std::string target = target_;
    if (target.empty() && header_ && header_->is_header_done())
      target = std::string(header_->get().target());
    linger_ = true;
    respond(unparsed(e, path_of(target)), false, false);
  }

  // Refused before routing, so the router's X-Request-Id is not there: every response has one.
  static response unparsed(const error& e, std::string_view path) {
    response res = problem(e, path);
    res.set("X-Request-Id", new_request_id());
    return res;
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
                         if (!ec && self->linger_) return self->linger();
                         if (ec || !keep_alive || self->closing_) return self->close();
                         self->read();
                       });
  }

  // After refusing a request whose body is still arriving, read and drop it for a moment
  // before closing: closing with unread data resets the connection, and the client could
  // lose the refusal it was sent.
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    drain_.resize(64 * 1024);
    stream_.async_read_some(asio::buffer(drain_),
                            [self = shared_from_this()](beast::error_code read_ec, std::size_t) {
                              if (read_ec) return self->close();
                              self->linger();
                            });
  }

  void close() {
    if (closed_) return;
    spool_.reset();
    closed_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
    owner_.forget(shared_from_this());
  }

  impl& owner_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  // The header is read first; the body then goes to a string, or a file for spooled uploads.
  std::optional<bhttp::request_parser<bhttp::empty_body>> header_;
  std::optional<bhttp::request_parser<bhttp::string_body>> text_;
  std::optional<bhttp::request_parser<bhttp::file_body>> spooled_;
  std::shared_ptr<spool_file> spool_;
  std::string target_;
  std::vector<char> drain_;
  bool linger_ = false;
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
  if (stopping && sessions.empty())
    asio::post(deadline.get_executor(), [this] { deadline.cancel(); });
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
  // Whatever is still running after the grace period is cut off. Armed before any
  // connection is drained, and done at once if the last one closed meanwhile: a cancel
  // that ran before the arming would otherwise be lost, and shutdown wait the whole grace.
  asio::post(deadline.get_executor(), [this] {
    deadline.expires_after(options.shutdown_grace);
    deadline.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) {
        log.warn("shutdown grace period over; closing remaining connections");
        ioc.stop();
      }
    });
    std::lock_guard lock(sessions_mutex);
    if (sessions.empty()) deadline.cancel();
  });
  for (auto& s : open) s->drain();
}

server::server(server_options options, router& r, logger& log)
    : impl_(std::make_unique<impl>(std::move(options), r, log)) {}

server::~server() = default;

std::uint16_t server::listen() {
  auto& i = *impl_;
  if (!i.options.spool_dir.empty()) {
    if (const auto removed = remove_stale_spool_files(i.options.spool_dir))
      i.log.info("removed unfinished uploads",
                 {{"dir", i.options.spool_dir}, {"files", static_cast<std::int64_t>(removed)}});
  }
  beast::error_code ec;
  const auto address = asio::ip::make_address(i.options.host, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + i.options.host + "'");
  const tcp::endpoint endpoint{address, i.options.port};
  i.acceptor.open(endpoint.protocol(), ec);
  if (!ec) i.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) i.acceptor.bind(endpoint, ec);
  if (!ec) i.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec == asio::error::address_in_use)
    throw std::runtime_error("cannot listen on " + i.options.host + ":" +
                             std::to_string(i.options.port) +
                             ": another process uses that port; stop it, or choose another "
                             "port with --port / KINORA_PORT");
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
  i.ops.join();
}

void server::stop() {
  asio::post(impl_->ioc, [&i = *impl_] { i.begin_shutdown(); });
}

}  // namespace kinora::http
