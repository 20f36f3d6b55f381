#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kinora::text {

bool valid_utf8(std::string_view s);

// Lower-cased, accent-free, punctuation turned into spaces, runs of spaces collapsed:
// the one normal form that search documents and queries both go through, so
// "Spider-Man", "spider man" and "SPÏDER MAN" meet.
std::string fold(std::string_view s);

// The words of fold(s).
std::vector<std::string> words(std::string_view s);

// "Café Lumière!" -> "cafe-lumiere"
std::string slugify(std::string_view s);

}  // namespace kinora::text
