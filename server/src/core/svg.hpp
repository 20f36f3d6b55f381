#pragma once
// Small pieces for the SVG the server draws itself (title artwork, channel logos).
#include <cstdint>
#include <string>

namespace kinora::svg {

// A stable hash of a name, so the same title or channel always gets the same colours.
std::uint32_t fnv1a(const std::string& s);
// Text safe inside SVG elements and attributes.
std::string escape(const std::string& s);
// "hsl(H,S%,L%)"
std::string hsl(std::uint32_t hue, int saturation, int lightness);

}  // namespace kinora::svg
