#pragma once
// Small pieces for the markup the server writes itself: SVG artwork and logos, XMLTV.
#include <cstdint>
#include <string>
#include <string_view>

namespace kinora::markup {

// A stable hash of a name, so the same title or channel always gets the same colours.
std::uint32_t fnv1a(const std::string& s);
// Text safe inside XML elements and attributes; control characters XML 1.0 forbids
// are dropped.
std::string escape(std::string_view s);
// "hsl(H,S%,L%)"
std::string hsl(std::uint32_t hue, int saturation, int lightness);

}  // namespace kinora::markup
