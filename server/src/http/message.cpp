#include "http/message.hpp"

#include <strings.h>

namespace kinora::http {

std::string_view to_string(method m) {
  switch (m) {
    case method::get:
      return "GET";
    case method::head:
      return "HEAD";
    case method::post:
      return "POST";
    case method::put:
      return "PUT";
    case method::patch:
      return "PATCH";
    case method::del:
      return "DELETE";
    case method::options:
      return "OPTIONS";
    case method::other:
      return "OTHER";
  }
  return "OTHER";
}

std::optional<std::string_view> request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return std::string_view(value);
  return std::nullopt;
}

void response::set(std::string name, std::string value) {
  for (auto& h : headers) {
    if (strcasecmp(h.first.c_str(), name.c_str()) == 0) {
      h.second = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> response::header(std::string_view name) const {
  for (const auto& h : headers)
    if (h.first.size() == name.size() && strncasecmp(h.first.data(), name.data(), name.size()) == 0)
      return std::string_view(h.second);
  return std::nullopt;
}

}  // namespace kinora::http
