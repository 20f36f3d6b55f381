#include "epg/channel_logo.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <vector>
#include "core/markup.hpp"

namespace kinora::epg {

namespace {

using markup::escape;
using markup::fnv1a;
using markup::hsl;

// The bytes of the UTF-8 code point starting s[0] (ASCII upper-cased).
std::string first_letter(const std::string& s) {
  const auto lead = static_cast<unsigned char>(s[0]);
  const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  std::string out = s.substr(0, n);
  if (n == 1 && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

bool all_of_kind(const std::string& w, bool (*pred)(char)) {
  return !w.empty() && std::all_of(w.begin(), w.end(), pred);
}

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

std::string short_name(const std::string& name) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < name.size()) {
    auto end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    if (end > start) words.push_back(name.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) return "TV";
  if (words.size() == 1) {
    const auto& w = words.front();
    // Cut at a code point boundary: never inside a multi-byte sequence.
    std::size_t cut = std::min<std::size_t>(w.size(), 8);
    while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) --cut;
    return upper(w.substr(0, cut));
  }
  std::string out;
  for (const auto& w : words) {
    // Numbers and short all-capital words ("24", "TV") stay whole; others give a letter.
    const bool whole =
        all_of_kind(w, [](char c) { return c >= '0' && c <= '9'; }) ||
        (w.size() <= 3 && all_of_kind(w, [](char c) { return c >= 'A' && c <= 'Z'; }));
    out += whole ? w : first_letter(w);
    if (out.size() >= 5) break;
  }
  return out;
}

std::string logo_svg(const channel& ch) {
  constexpr int w = 256, h = 144;
  const auto seed = fnv1a(ch.slug);
  const std::string fill = hsl(seed, 60, 34), shade = hsl(seed >> 9, 65, 18),
                    accent = hsl(seed >> 17, 80, 62);
  const std::string label = short_name(ch.name);
  // Bold capitals are about 0.68 em wide; keep the label inside 200 px.
  const int font = std::clamp(
      static_cast<int>(200 / (0.68 * static_cast<double>(std::max<std::size_t>(label.size(), 1)))),
      24, 64);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) +
                    "\" height=\"" + std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) +
                    " " + std::to_string(h) + "\" role=\"img\" aria-label=\"" + escape(ch.name) +
                    "\">";
  svg += "<title>" + escape(std::to_string(ch.number) + " " + ch.name) + "</title>";
  svg +=
      "<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" "
      "stop-color=\"" +
      fill + "\"/><stop offset=\"1\" stop-color=\"" + shade + "\"/></linearGradient></defs>";
  svg += "<rect x=\"4\" y=\"4\" width=\"248\" height=\"136\" rx=\"24\" fill=\"url(#g)\" stroke=\"" +
         accent + "\" stroke-width=\"4\"/>";
  svg += "<g font-family=\"Helvetica, Arial, sans-serif\" font-weight=\"700\" fill=\"#fff\">";
  svg += "<text x=\"128\" y=\"" + std::to_string(72 + font * 7 / 20) + "\" font-size=\"" +
         std::to_string(font) + "\" text-anchor=\"middle\">" + escape(label) + "</text>";
  svg += "<rect x=\"16\" y=\"14\" width=\"" +
         std::to_string(18 + 11 * std::to_string(ch.number).size()) +
         "\" height=\"26\" rx=\"13\" fill=\"" + accent + "\"/>";
  svg += "<text x=\"25\" y=\"33\" font-size=\"18\" fill=\"#111\">" + std::to_string(ch.number) +
         "</text></g>";
  return svg + "</svg>";
}

}  // namespace kinora::epg
