// X-Forwarded-For is believed only from trusted proxies, and only up to the first hop that
// is not one of them.
#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace kinora::http {
namespace {

header_list xff(std::initializer_list<std::string> lines) {
  header_list h{{"host", "example.test"}};
  for (const auto& l : lines) h.emplace_back("x-forwarded-for", l);
  return h;
}

TEST(client_address, nobody_is_trusted_by_default) {
  const trusted_proxies none;
  EXPECT_EQ(none.client_of("127.0.0.1", xff({"203.0.113.9"})), "127.0.0.1");
}

TEST(client_address, a_trusted_peer_names_the_client) {
  const trusted_proxies local({"127.0.0.1/32", "::1/128"});
  EXPECT_EQ(local.client_of("127.0.0.1", xff({"203.0.113.9"})), "203.0.113.9");
  EXPECT_EQ(local.client_of("::1", xff({"2001:db8::7"})), "2001:db8::7");
  EXPECT_EQ(local.client_of("::ffff:127.0.0.1", xff({"203.0.113.9"})), "203.0.113.9");
  // An untrusted peer's header is ignored, whatever it says.
  EXPECT_EQ(local.client_of("198.51.100.4", xff({"203.0.113.9"})), "198.51.100.4");
  // No header: the proxy itself.
  EXPECT_EQ(local.client_of("127.0.0.1", {}), "127.0.0.1");
}

TEST(client_address, the_rightmost_untrusted_hop_wins_over_what_the_client_wrote) {
  const trusted_proxies chain({"10.0.0.0/8", "127.0.0.1"});
  // The client forged "1.2.3.4"; nginx appended the real peer, then an inner proxy.
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"1.2.3.4, 203.0.113.9", "10.1.2.3"})), "203.0.113.9");
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"10.0.0.1, 10.0.0.2"})), "10.0.0.1");
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"203.0.113.9:4711"})), "203.0.113.9");
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"[2001:db8::1]:4711"})), "2001:db8::1");
  // Garbage stops the walk at the last trusted hop.
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"unknown, 10.0.0.5"})), "10.0.0.5");
  EXPECT_EQ(chain.client_of("127.0.0.1", xff({"<script>"})), "127.0.0.1");
}

TEST(client_address, prefixes_match_bit_by_bit) {
  const trusted_proxies r({"192.168.4.0/22", "2001:db8:abcd::/48"});
  EXPECT_TRUE(r.contains("192.168.7.255"));
  EXPECT_FALSE(r.contains("192.168.8.0"));
  EXPECT_TRUE(r.contains("2001:db8:abcd:12::1"));
  EXPECT_FALSE(r.contains("2001:db8:abce::1"));
  EXPECT_FALSE(r.contains("not an address"));
  EXPECT_TRUE(trusted_proxies({"0.0.0.0/0"}).contains("8.8.8.8"));
  EXPECT_FALSE(trusted_proxies({"0.0.0.0/0"}).contains("::1"));
}

TEST(client_address, bad_ranges_are_named) {
  EXPECT_FALSE(cidr_problem("127.0.0.1/32"));
  EXPECT_FALSE(cidr_problem("::1"));
  EXPECT_TRUE(cidr_problem("127.0.0.1/33"));
  EXPECT_TRUE(cidr_problem("::1/129"));
  EXPECT_TRUE(cidr_problem("localhost"));
  EXPECT_TRUE(cidr_problem("10.0.0.0/"));
  EXPECT_TRUE(cidr_problem("10.0.0.0/8x"));
  EXPECT_EQ(split_list(" a, b,,c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_THROW(trusted_proxies({"nope"}), std::invalid_argument);
}

}  // namespace
}  // namespace kinora::http
