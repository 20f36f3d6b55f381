#include "eval/csv_reader.hpp"

#include "core/files.hpp"

namespace kinora::eval {

csv_reader::csv_reader(const std::filesystem::path& path) : path_(path.string()) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw data_error(path_ + ": no such file");
  text_ = files::read(path);
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a UTF-8 byte order mark
  line_ = 1;
  if (!read_record(header_)) throw data_error(path_ + ": empty file, expected a header row");
}

std::size_t csv_reader::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  throw data_error(path_ + ": no column '" + std::string(name) + "' in the header");
}

std::string csv_reader::where() const {
  return path_ + ":" + std::to_string(record_line_);
}

bool csv_reader::next(std::vector<std::string>& fields) {
  while (true) {
    if (!read_record(fields)) return false;
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    if (fields.size() != header_.size())
      throw data_error(where() + ": " + std::to_string(fields.size()) + " fields, the header has " +
                       std::to_string(header_.size()));
    return true;
  }
}

bool csv_reader::read_record(std::vector<std::string>& fields) {
  fields.clear();
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  while (pos_ < text_.size()) {
    const char ch = text_[pos_++];
    if (quoted) {
      if (ch == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field.push_back('"');
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line_;
        field.push_back(ch);
      }
    } else if (ch == '"' && field.empty()) {
      quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (ch == '\n') {
      ++line_;
      if (!field.empty() && field.back() == '\r') field.pop_back();
      fields.push_back(std::move(field));
      return true;
    } else {
      field.push_back(ch);
    }
  }
  if (quoted) throw data_error(where() + ": a quoted field is never closed");
  if (!field.empty() && field.back() == '\r') field.pop_back();
  fields.push_back(std::move(field));
  return true;
}

}  // namespace kinora::eval
