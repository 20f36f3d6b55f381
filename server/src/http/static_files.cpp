#include "http/static_files.hpp"

#include <sys/stat.h>

#include <array>
#include <cctype>

#include "core/time.hpp"

namespace kinora::http {

namespace fs = std::filesystem;

std::string_view content_type_for(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> types{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".gif", "image/gif"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".m3u8", "application/vnd.apple.mpegurl"},
      {".m4s", "video/iso.segment"},
      {".mp4", "video/mp4"},
      {".vtt", "text/vtt; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  const auto ext = file.extension().string();
  for (const auto& [e, type] : types)
    if (e == ext) return type;
  return "application/octet-stream";
}

namespace {

// Vite names bundles like index-3f9a1c2b.js: a run of 8+ [A-Za-z0-9_-] after the last '-'
// or '.' before the extension marks content that never changes under that name.
bool looks_hashed(const fs::path& file) {
  const std::string stem = file.stem().string();
  const auto sep = stem.find_last_of("-.");
  if (sep == std::string::npos) return false;
  const std::string tail = stem.substr(sep + 1);
  if (tail.size() < 8) return false;
  bool digit = false;
  for (char c : tail) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  return digit;
}

bool safe_relative(std::string_view rel) {
  std::size_t start = 0;
  while (start <= rel.size()) {
    auto end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const auto seg = rel.substr(start, end - start);
    if (seg == ".." || seg == "." || seg.find('\\') != std::string_view::npos) return false;
    start = end + 1;
  }
  return rel.find('\0') == std::string_view::npos;
}

std::optional<response> file_response(const fs::path& file, const request& req) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const auto size = static_cast<std::uint64_t>(st.st_size);
  const auto mtime = static_cast<std::int64_t>(st.st_mtime);
  char etag[64];
  std::snprintf(
      etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(size),
      static_cast<unsigned long long>(st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec));

  response r;
  r.set("ETag", etag);
  r.set("Last-Modified", format_http_date(mtime));
  if (file.filename() == "index.html")
    r.set("Cache-Control", "no-cache");
  else if (looks_hashed(file))
    r.set("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.set("Cache-Control", "public, max-age=3600");

  bool not_modified = false;
  if (auto inm = req.header("if-none-match")) {
    not_modified = inm->find(etag) != std::string_view::npos || *inm == "*";
  } else if (auto ims = req.header("if-modified-since")) {
    const auto since = parse_http_date(*ims);
    not_modified = since && mtime <= *since;
  }
  if (not_modified) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.set("Content-Type", std::string(content_type_for(file)));
  r.file = file_part{file.string(), 0, size};
  return r;
}

}  // namespace

bool owns(const static_mount& mount, std::string_view path) {
  return mount.prefix == "/" || path == mount.prefix ||
         (path.starts_with(mount.prefix) && path[mount.prefix.size()] == '/');
}

std::optional<response> serve_static(const static_mount& mount, const request& req) {
  if (req.method != method::get && req.method != method::head) return std::nullopt;
  if (!owns(mount, req.path)) return std::nullopt;
  const std::string_view path = req.path;
  std::string_view rel;
  if (mount.prefix == "/")
    rel = path.substr(1);
  else if (path.size() > mount.prefix.size())
    rel = path.substr(mount.prefix.size() + 1);
  if (!safe_relative(rel)) return std::nullopt;

  const fs::path index = mount.root / "index.html";
  if (rel.empty() || rel.back() == '/') {
    return file_response(rel.empty() ? index : mount.root / rel / "index.html", req);
  }
  if (auto r = file_response(mount.root / rel, req)) return r;
  // Client-side routes (/titles/42) get the app shell; missing assets (x.js) stay 404.
  const auto last = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
  if (mount.spa_fallback && last.find('.') == std::string_view::npos)
    return file_response(index, req);
  return std::nullopt;
}

}  // namespace kinora::http
