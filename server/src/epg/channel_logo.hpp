#pragma once
// A channel's logo drawn from the channel itself: its number and a short name in a
// rounded badge, coloured from its slug. No image files, no external URLs.
#include <string>

#include "epg/epg.hpp"

namespace kinora::epg {

// "Meridian News 24" -> "MN24", "Kettle & Kiln" -> "K&K", "Nightjar" -> "NIGHTJAR".
std::string short_name(const std::string& name);
std::string logo_svg(const channel& ch);

}  // namespace kinora::epg
