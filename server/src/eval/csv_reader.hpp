#pragma once
// A small RFC 4180 reader: comma-separated, fields quoted with "..." and "" inside
// quotes (quoted fields may span lines), records ending in LF or CRLF.
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kinora::eval {

// Bad or missing input data; the message names the file (and line).
class data_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class csv_reader {
 public:
  // Reads the whole file and its header row; throws data_error when it cannot.
  explicit csv_reader(const std::filesystem::path& path);

  // The header's position of a column; throws data_error naming the file when absent.
  std::size_t column(std::string_view name) const;
  // The next record into `fields`; false at the end. Throws data_error on an
  // unterminated quote or a record whose field count differs from the header's.
  bool next(std::vector<std::string>& fields);
  // "path:line", for messages about the record last read.
  std::string where() const;

 private:
  bool read_record(std::vector<std::string>& fields);

  std::string path_;
  std::string text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;         // line the next record starts on
  std::size_t record_line_ = 0;  // line the last record started on
  std::vector<std::string> header_;
};

}  // namespace kinora::eval
