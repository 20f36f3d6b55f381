#pragma once
// Files compiled into the binary (migrations, the OpenAPI document, demo data).
#include <optional>
#include <span>
#include <string_view>

namespace kinora::resources {

struct entry {
  std::string_view path;
  std::string_view content;
};

std::span<const entry> all();

inline std::optional<std::string_view> find(std::string_view path) {
  for (const auto& e : all())
    if (e.path == path) return e.content;
  return std::nullopt;
}

}  // namespace kinora::resources
