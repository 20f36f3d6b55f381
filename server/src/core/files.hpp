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
// Like write_atomically, for files that must survive a power loss once this returns
// (content keys): every write, the fsync and the close are checked, the file is created
// with `mode`, the rename is fsynced through the folder, and on failure no temporary
// or half file is left. Throws naming the path and the cause.
void write_durably(const std::filesystem::path& p, std::string_view bytes, unsigned mode);

// Creates dir when missing and proves it writable with a probe file (permissions, a
// read-only mount, a full disk: whatever stops a write). Throws std::runtime_error naming
// the folder, the system's reason, what `lives` there and the `fix`.
void require_writable_folder(const std::filesystem::path& dir, std::string_view lives,
                             std::string_view fix);
// Throws the same way when an existing file cannot be opened for writing (`why` it must be).
void require_writable_file(const std::filesystem::path& file, std::string_view why,
                           std::string_view fix);

std::string to_hex(std::string_view bytes);
// Empty when the text is not hex.
std::string from_hex(std::string_view hex);

}  // namespace kinora::files
