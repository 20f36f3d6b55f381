#pragma once
// Whole files and hex text, for the tools that write media packages and their records.
#include <filesystem>
#include <string>
#include <string_view>

namespace kinora::files {

// The file's bytes; empty when it cannot be read.
std::string read(const std::filesystem::path& p);
// Writes a temporary file next to p, then renames it over p. Throws on failure.
void write_atomically(const std::filesystem::path& p, std::string_view bytes);

std::string to_hex(std::string_view bytes);
// Empty when the text is not hex.
std::string from_hex(std::string_view hex);

}  // namespace kinora::files
