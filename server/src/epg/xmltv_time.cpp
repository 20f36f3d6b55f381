#include <cctype>
#include <charconv>

#include "epg/xmltv.hpp"

namespace kinora::epg::xmltv {

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> first_number(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  std::size_t j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == i || j - i > 6) return std::nullopt;
  return number(s.substr(i, j - i));
}

}  // namespace

std::optional<std::int64_t> parse_time(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
  if (n != 12 && n != 14) return std::nullopt;
  const auto date = text.substr(0, n);
  const int y = number(date.substr(0, 4)), mo = number(date.substr(4, 2)),
            d = number(date.substr(6, 2)), h = number(date.substr(8, 2)),
            mi = number(date.substr(10, 2)), s = n == 14 ? number(date.substr(12, 2)) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::int64_t t = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                   h * 3600 + mi * 60 + s;
  auto rest = text.substr(n);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty() || rest == "UTC" || rest == "GMT" || rest == "Z") return t;
  if (rest.size() != 5 || (rest[0] != '+' && rest[0] != '-') || !digits(rest.substr(1)))
    return std::nullopt;
  const int oh = number(rest.substr(1, 2)), om = number(rest.substr(3, 2));
  if (oh > 14 || om > 59) return std::nullopt;
  const int offset = (oh * 3600 + om * 60) * (rest[0] == '-' ? -1 : 1);
  return t - offset;
}

void parse_xmltv_ns(std::string_view text, std::optional<std::int64_t>& season,
                    std::optional<std::int64_t>& episode) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return;
  const auto rest = text.substr(dot + 1);
  if (const auto s = first_number(text.substr(0, dot))) season = *s + 1;
  if (const auto e = first_number(rest.substr(0, rest.find('.')))) episode = *e + 1;
}

void parse_onscreen(std::string_view text, std::optional<std::int64_t>& season,
                    std::optional<std::int64_t>& episode) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != 'S' && text[i] != 's') continue;
    std::size_t j = i + 1, k = j;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
    if (k == j || k - j > 4) continue;
    std::size_t e = k;
    while (e < text.size() && (text[e] == ' ' || text[e] == '/')) ++e;
    if (e >= text.size() || (text[e] != 'E' && text[e] != 'e')) continue;
    std::size_t f = e + 1, g = f;
    while (g < text.size() && std::isdigit(static_cast<unsigned char>(text[g]))) ++g;
    if (g == f || g - f > 5) continue;
    season = number(text.substr(j, k - j));
    episode = number(text.substr(f, g - f));
    return;
  }
}

}  // namespace kinora::epg::xmltv
