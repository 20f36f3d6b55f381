#pragma once
// Built web apps and Swagger UI, straight from disk, with validators and caching
// suited to Vite output: hashed assets are immutable, index.html is always revalidated.
#include <filesystem>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace kinora::http {

struct static_mount {
  std::string prefix;          // "/", "/admin", "/docs"
  std::filesystem::path root;  // directory holding index.html
  bool spa_fallback = false;   // unknown extension-less paths get index.html
};

std::string_view content_type_for(const std::filesystem::path& file);

// One file from disk with validators (ETag, Last-Modified, 304) and a single byte
// range (206; 416 past the end; 400 when malformed). cache_control empty picks the
// web-app policy: hashed assets immutable, index.html revalidated, the rest an hour.
// nullopt when there is no such regular file.
std::optional<response> serve_file(const std::filesystem::path& file, const request& req,
                                   std::string_view cache_control = {});

// Whether the path lies under the mount's prefix.
bool owns(const static_mount& mount, std::string_view path);

// The file (or the app shell) for a path the mount owns; nullopt when there is none.
std::optional<response> serve_static(const static_mount& mount, const request& req);

}  // namespace kinora::http
