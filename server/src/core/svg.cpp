#include "core/svg.hpp"

#include <cstdio>

namespace kinora::svg {

std::uint32_t fnv1a(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

std::string escape(const std::string& s) {
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

}  // namespace kinora::svg
