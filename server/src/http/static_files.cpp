#include "http/static_files.hpp"

#include <sys/stat.h>

#include <array>
#include <cctype>

#include "core/result.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

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

struct byte_range {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
};

bool parse_offset(std::string_view text, std::uint64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

// RFC 9110 §14.2. nullopt: send the whole file (no header, or several ranges, which a
// server may ignore). Errors: malformed (400) or past the end (416).
result<std::optional<byte_range>> parse_range(std::string_view header, std::uint64_t size) {
  auto malformed = [] {
    return fail(errc::bad_request, "The Range header is malformed; send bytes=FIRST-LAST.",
                "malformed-range");
  };
  if (!header.starts_with("bytes=")) return malformed();
  const auto spec = header.substr(6);
  if (spec.find(',') != std::string_view::npos) return std::optional<byte_range>{};
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return malformed();
  const auto first_text = spec.substr(0, dash);
  const auto last_text = spec.substr(dash + 1);
  std::uint64_t first = 0, last = 0;
  if (first_text.empty()) {  // suffix: the final N bytes
    if (!parse_offset(last_text, last) || last == 0) return malformed();
    if (size == 0)
      return fail(errc::range_not_satisfiable, "The file is empty.", "range-not-satisfiable");
    return std::optional<byte_range>{{size - std::min(last, size), size - 1}};
  }
  if (!parse_offset(first_text, first)) return malformed();
  if (last_text.empty())
    last = size == 0 ? 0 : size - 1;
  else if (!parse_offset(last_text, last) || last < first)
    return malformed();
  if (first >= size)
    return fail(errc::range_not_satisfiable,
                "The range starts at byte " + std::to_string(first) + " but the file has " +
                    std::to_string(size) + " bytes.",
                "range-not-satisfiable");
  return std::optional<byte_range>{{first, std::min(last, size - 1)}};
}

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::string default_cache_control(const fs::path& file) {
  if (file.filename() == "index.html") return "no-cache";
  if (looks_hashed(file)) return std::string(kImmutable);
  return "public, max-age=3600";
}

}  // namespace

std::optional<response> serve_file(const fs::path& file, const request& req,
                                   std::string_view cache_control) {
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
  r.set("Cache-Control",
        cache_control.empty() ? default_cache_control(file) : std::string(cache_control));
  r.set("Accept-Ranges", "bytes");

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
  r.set("Content-Type", std::string(content_type_for(file)));
  r.status = 200;
  r.file = file_part{file.string(), 0, size};
  // If-Range with a stale validator asks for the whole, current file.
  const auto if_range = req.header("if-range");
  const auto range = req.header("range");
  if (range && (!if_range || *if_range == etag)) {
    auto part = parse_range(*range, size);
    if (!part) {
      auto p = problem(part.err(), req.path);
      if (part.err().code == errc::range_not_satisfiable)
        p.set("Content-Range", "bytes */" + std::to_string(size));
      return p;
    }
    if (*part) {
      const auto [first, last] = **part;
      r.status = 206;
      r.set("Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" +
                                 std::to_string(size));
      r.file = file_part{file.string(), first, last - first + 1};
    }
  }
  return r;
}

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
    return serve_file(rel.empty() ? index : mount.root / rel / "index.html", req);
  }
  // Vite emits only content-hashed files into assets/ (public/ files go to the root), and
  // its base64url hashes may hold '-' or no digit, which the name heuristic cannot tell.
  const bool vite_asset = rel.starts_with("assets/");
  if (auto r = serve_file(mount.root / rel, req, vite_asset ? kImmutable : std::string_view{}))
    return r;
  // Client-side routes (/titles/42) get the app shell; missing assets (x.js) stay 404.
  const auto last = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
  if (mount.spa_fallback && last.find('.') == std::string_view::npos) return serve_file(index, req);
  return std::nullopt;
}

}  // namespace kinora::http
