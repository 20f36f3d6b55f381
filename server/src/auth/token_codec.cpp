#include "auth/token_codec.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "auth/entitlement.hpp"
#include "core/digest.hpp"

namespace kinora::auth {

namespace {

constexpr std::string_view header_b64 =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";  // {"alg":"HS256","typ":"JWT"}
constexpr std::string_view issuer = "kinora";

std::optional<std::string> unbase64url(std::string_view in) {
  std::string out(in.size() * 3 / 4 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(),
                        in.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

error invalid(std::string detail) {
  return fail(errc::unauthorized, std::move(detail), "invalid-token");
}

}  // namespace

std::string token_codec::sign(std::string_view signing_input) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret_.data()),
                              secret_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(signing_input.data()),
                                signing_input.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return base64url(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

std::string token_codec::derive(std::string_view purpose, std::string_view input) const {
  // Never a JWS signing input: those start with the header, purposes do not.
  std::string message(purpose);
  message += '\n';
  message += input;
  return sign(message);
}

std::string token_codec::issue(const viewer& v, std::int64_t now, std::int64_t ttl_seconds) const {
  boost::json::object claims{
      {"iss", issuer},
      {"sub", std::to_string(v.account_id)},
      {"pid", v.profile_id},
      {"role", v.is_admin() ? "admin" : "viewer"},
      {"tier", to_string(v.tier)},
      {"mc", to_string(v.ceiling)},
      {"kids", v.kids},
      {"rid", v.refresh_id},
      {"iat", now},
      {"exp", now + ttl_seconds},
  };
  std::string input = std::string(header_b64) + "." + base64url(boost::json::serialize(claims));
  std::string sig = sign(input);
  return input + "." + sig;
}

result<viewer> token_codec::verify(std::string_view token, std::int64_t now,
                                   std::int64_t* expires_at) const {
  const auto dot1 = token.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return invalid("The access token is not a JWT.");
  // Only our own header is accepted: no "alg":"none", no algorithm confusion.
  if (token.substr(0, dot1) != header_b64)
    return invalid("The access token's algorithm is not HS256.");
  const std::string expected = sign(token.substr(0, dot2));
  const auto given = token.substr(dot2 + 1);
  if (given.size() != expected.size() ||
      sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return invalid("The access token's signature is invalid.");

  const auto payload = unbase64url(token.substr(dot1 + 1, dot2 - dot1 - 1));
  if (!payload) return invalid("The access token's payload is not base64url.");
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(*payload, ec);
  if (ec || !parsed.is_object()) return invalid("The access token's payload is not JSON.");
  const auto& c = parsed.as_object();
  try {
    if (c.at("iss").as_string() != issuer) return invalid("The access token has another issuer.");
    const auto exp = c.at("exp").to_number<std::int64_t>();
    if (exp <= now)
      return fail(errc::unauthorized, "The access token has expired; refresh it.", "token-expired");
    if (expires_at) *expires_at = exp;
    viewer v;
    v.account_id = std::stoll(std::string(c.at("sub").as_string()));
    v.profile_id = c.at("pid").to_number<std::int64_t>();
    v.role = c.at("role").as_string() == "admin" ? role::admin : role::viewer;
    const auto t = parse_tier(c.at("tier").as_string());
    const auto m = parse_maturity(c.at("mc").as_string());
    if (!t || !m) return invalid("The access token's claims are invalid.");
    v.tier = *t;
    v.ceiling = *m;
    v.kids = c.at("kids").as_bool();
    // Tokens without one predate revocable sessions: a refresh replaces them.
    v.refresh_id = c.at("rid").to_number<std::int64_t>();
    if (v.refresh_id <= 0) return invalid("The access token's claims are invalid.");
    return v;
  } catch (const std::exception&) {
    return invalid("The access token's claims are incomplete.");
  }
}

}  // namespace kinora::auth
