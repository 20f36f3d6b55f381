#pragma once

#include <filesystem>
#include <optional>

namespace kinora::ai {

// Name of the default model's folder in the cache.
inline constexpr const char* default_model_name = "all-MiniLM-L6-v2";

// $XDG_CACHE_HOME/kinora/models/all-MiniLM-L6-v2, or ~/.cache/kinora/models/... when
// XDG_CACHE_HOME is unset or empty (where scripts/fetch-model.sh puts the model).
std::filesystem::path default_model_dir();

// Where to load the encoder from: an explicit --model DIR wins, then env
// KINORA_MODEL_DIR, then default_model_dir(). Does not check that it exists.
std::filesystem::path resolve_model_dir(const std::optional<std::filesystem::path>& explicit_dir);

}  // namespace kinora::ai
