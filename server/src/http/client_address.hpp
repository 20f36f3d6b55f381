#pragma once
// Who a request came from. Behind a reverse proxy the TCP peer is the proxy; the client is
// in X-Forwarded-For, which anyone can send, so it is believed only from peers in
// --trusted-proxies, and only up to the first hop that is not itself trusted.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace kinora::http {

// "a, b,,c" -> {"a", "b", "c"}
std::vector<std::string> split_list(std::string_view text);
// Why text is not an IPv4 or IPv6 address with an optional /prefix; nullopt when it is.
std::optional<std::string> cidr_problem(std::string_view text);

class trusted_proxies {
 public:
  trusted_proxies() = default;
  // Throws std::invalid_argument for an entry cidr_problem() refuses.
  explicit trusted_proxies(const std::vector<std::string>& cidrs);

  bool contains(std::string_view address) const;
  // peer itself unless it is trusted; then, reading X-Forwarded-For from the right, the
  // first address that is not trusted (the leftmost when all are). A hop that is not an
  // address ends the walk at the last trusted one.
  std::string client_of(const std::string& peer, const header_list& headers) const;

 private:
  struct range {
    std::array<std::uint8_t, 16> bytes{};
    unsigned prefix = 0;
    bool v4 = false;
  };
  std::vector<range> ranges_;
};

}  // namespace kinora::http
