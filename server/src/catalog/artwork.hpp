#pragma once
// Posters and backdrops drawn from the title itself: no image files, no external URLs.
#include <string>

#include "catalog/title.hpp"

namespace kinora::catalog {

std::string poster_svg(const title& t);
std::string backdrop_svg(const title& t);

}  // namespace kinora::catalog
