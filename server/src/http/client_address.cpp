#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <stdexcept>

namespace kinora::http {

namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An IPv4-mapped IPv6 address (a dual-stack listener's view of an IPv4 peer) is IPv4.
std::optional<ip::address> parse_address(std::string_view text) {
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    return ip::address(ip::make_address_v4(ip::v4_mapped, a.to_v6()));
  return a;
}

// A hop as proxies write it: "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]:4711", "2001:db8::1".
std::optional<ip::address> parse_hop(std::string_view hop) {
  hop = trim(hop);
  if (hop.starts_with('[')) {
    const auto close = hop.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return parse_address(hop.substr(1, close - 1));
  }
  if (const auto colon = hop.find(':');
      colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos)
    hop = hop.substr(0, colon);  // IPv4 with a port
  return parse_address(hop);
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = trim(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::string> cidr_problem(std::string_view text) {
  const auto slash = text.find('/');
  const auto a = parse_address(text.substr(0, slash));
  if (!a) return "is not an IPv4 or IPv6 address (CIDR: address/prefix)";
  if (slash == std::string_view::npos) return std::nullopt;
  const auto digits = text.substr(slash + 1);
  unsigned prefix = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
  const unsigned max = a->is_v4() ? 32 : 128;
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || prefix > max)
    return "has a prefix length that is not 0 to " + std::to_string(max);
  return std::nullopt;
}

trusted_proxies::trusted_proxies(const std::vector<std::string>& cidrs) {
  for (const auto& cidr : cidrs) {
    if (auto bad = cidr_problem(cidr)) throw std::invalid_argument(cidr + " " + *bad);
    const auto slash = cidr.find('/');
    const auto a = *parse_address(std::string_view(cidr).substr(0, slash));
    range r;
    r.v4 = a.is_v4();
    if (r.v4) {
      const auto b = a.to_v4().to_bytes();
      std::copy(b.begin(), b.end(), r.bytes.begin());
    } else {
      r.bytes = a.to_v6().to_bytes();
    }
    r.prefix = slash == std::string::npos
                   ? (r.v4 ? 32 : 128)
                   : static_cast<unsigned>(std::stoul(cidr.substr(slash + 1)));
    ranges_.push_back(r);
  }
}

bool trusted_proxies::contains(std::string_view address) const {
  if (ranges_.empty()) return false;
  const auto a = parse_address(address);
  if (!a) return false;
  std::array<std::uint8_t, 16> bytes{};
  if (a->is_v4()) {
    const auto b = a->to_v4().to_bytes();
    std::copy(b.begin(), b.end(), bytes.begin());
  } else {
    bytes = a->to_v6().to_bytes();
  }
  for (const auto& r : ranges_) {
    if (r.v4 != a->is_v4()) continue;
    const unsigned whole = r.prefix / 8, rest = r.prefix % 8;
    if (!std::equal(bytes.begin(), bytes.begin() + whole, r.bytes.begin())) continue;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    if (rest == 0 || (bytes[whole] & mask) == (r.bytes[whole] & mask)) return true;
  }
  return false;
}

std::string trusted_proxies::client_of(const std::string& peer, const header_list& headers) const {
  if (!contains(peer)) return peer;
  // Every X-Forwarded-For line, in order, as one list.
  std::vector<std::string> hops;
  for (const auto& [name, value] : headers)
    if (name == "x-forwarded-for")
      for (auto& hop : split_list(value)) hops.push_back(std::move(hop));
  std::string client = peer;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    const auto a = parse_hop(*it);
    if (!a) break;
    client = a->to_string();
    if (!contains(client)) break;
  }
  return client;
}

}  // namespace kinora::http
