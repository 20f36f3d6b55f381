#include "core/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kinora::text {

bool valid_utf8(std::string_view s) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p, left, &cp);
    if (n < 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string fold(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
  const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
  if (len < 0) return {};
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);

  std::string out;
  out.reserve(static_cast<std::size_t>(len));
  bool pending_space = false;
  const utf8proc_uint8_t* p = mapped;
  utf8proc_ssize_t left = len;
  while (left > 0) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    const auto cat = utf8proc_category(cp);
    const bool word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (word_char) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    } else if (cp != '\'') {  // "Quill's" folds to "quills", as people type it
      pending_space = true;
    }
    p += n;
    left -= n;
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  const std::string folded = fold(s);
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) out.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string slugify(std::string_view s) {
  std::string out;
  for (const auto& w : words(s)) {
    if (!out.empty()) out.push_back('-');
    out += w;
  }
  return out;
}

}  // namespace kinora::text
