#pragma once
// A model directory's SHA256SUMS (written by scripts/fetch-model.sh, in sha256sum's format)
// names the sha256 of each file as published upstream. A file that no longer matches (a
// truncated download, a disk error, an edit) is refused rather than silently used.
#include <filesystem>

namespace kinora::ai {

// Checks every file SHA256SUMS lists; throws model_error naming the first that is missing
// or does not match, and the fix. A directory without SHA256SUMS is not checked.
void verify_checksums(const std::filesystem::path& model_dir);

}  // namespace kinora::ai
