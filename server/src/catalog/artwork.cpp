#include "catalog/artwork.hpp"

#include <cstdint>
#include <cstdio>

#include "core/markup.hpp"

namespace kinora::catalog {

namespace {

using markup::escape;
using markup::fnv1a;
using markup::hsl;

// Title words on up to three lines of roughly `width` characters.
std::string text_lines(const std::string& name, int x, int y, int size, std::size_t width) {
  std::string out, line;
  int row = 0;
  std::size_t start = 0;
  auto flush = [&] {
    if (line.empty() || row >= 3) return;
    out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + row * size * 6 / 5) +
           "\">" + escape(line) + "</text>";
    ++row;
    line.clear();
  };
  while (start < name.size()) {
    auto end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    const std::string word = name.substr(start, end - start);
    if (!line.empty() && line.size() + word.size() + 1 > width) flush();
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  flush();
  return out;
}

std::string art(const title& t, int w, int h, int font, std::size_t chars) {
  const auto seed = fnv1a(t.slug);
  const std::string a = hsl(seed, 55, 28), b = hsl(seed >> 9, 65, 12),
                    accent = hsl(seed >> 17, 80, 60);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) +
                    "\" height=\"" + std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) +
                    " " + std::to_string(h) + "\">";
  svg +=
      "<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" "
      "stop-color=\"" +
      a + "\"/><stop offset=\"1\" stop-color=\"" + b + "\"/></linearGradient></defs>";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"url(#g)\"/>";
  svg += "<circle cx=\"" + std::to_string(w * static_cast<int>(20 + seed % 60) / 100) + "\" cy=\"" +
         std::to_string(h * static_cast<int>(15 + (seed >> 8) % 40) / 100) + "\" r=\"" +
         std::to_string(w / 3) + "\" fill=\"" + accent + "\" opacity=\"0.25\"/>";
  svg += "<g font-family=\"Helvetica, Arial, sans-serif\" font-weight=\"700\" font-size=\"" +
         std::to_string(font) + "\" fill=\"#fff\">" +
         text_lines(t.name, w / 12, h * 3 / 5, font, chars) + "</g>";
  svg += "<text x=\"" + std::to_string(w / 12) + "\" y=\"" + std::to_string(h - h / 14) +
         "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"" + std::to_string(font / 2) +
         "\" fill=\"#fff\" opacity=\"0.75\">" + std::to_string(t.year) + " · " +
         escape(to_string(t.kind)) + "</text>";
  return svg + "</svg>";
}

}  // namespace

std::string poster_svg(const title& t) {
  return art(t, 400, 600, 40, 14);
}
std::string backdrop_svg(const title& t) {
  return art(t, 1280, 720, 64, 24);
}

}  // namespace kinora::catalog
