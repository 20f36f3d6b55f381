#pragma once
// HTTP messages as the rest of the server sees them: plain structs, no Beast types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinora::http {

enum class method { get, head, post, put, patch, del, options, other };

std::string_view to_string(method m);

using header_list = std::vector<std::pair<std::string, std::string>>;

struct request {
  http::method method = method::get;
  std::string target;   // as received: path and query
  std::string path;     // percent-decoded
  std::string query;    // raw, after '?'
  header_list headers;  // names lower-cased
  std::string body;
  // Upload routes: the body, spooled to this file as it arrived (body stays empty). The
  // route may rename it away to keep it; whatever is left is removed after the response.
  std::optional<std::string> body_file;
  std::string client_address;
  std::string request_id;

  std::optional<std::string_view> header(std::string_view lower_name) const;
};

// A byte range of a file on disk, sent without loading it into memory.
struct file_part {
  std::string path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct response {
  unsigned status = 200;
  header_list headers;
  std::string body;
  std::optional<file_part> file;

  void set(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
};

}  // namespace kinora::http
