#include "core/markup.hpp"

#include <cstdio>

namespace kinora::markup {

std::uint32_t fnv1a(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r')
          out.push_back(c);
    }
  }
  return out;
}

std::string hsl(std::uint32_t hue, int saturation, int lightness) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "hsl(%u,%d%%,%d%%)", hue % 360, saturation, lightness);
  return buf;
}

}  // namespace kinora::markup
