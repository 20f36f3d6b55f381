#pragma once
// SQL built from parts: each bound value gets the next $n placeholder, so conditions can
// be added in any order and the numbers always match the parameter list.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kinora::storage {

class statement {
 public:
  // "$n" for a new parameter.
  std::string bind(value v) {
    params_.push_back(std::move(v));
    return "$" + std::to_string(params_.size());
  }
  // "$3, $4, $5" for a non-empty list.
  template <class T>
  std::string bind_list(const std::vector<T>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + bind(value(v));
    return out;
  }
  const std::vector<value>& params() const { return params_; }
  rows run(connection& c, const std::string& sql) const { return c.query(sql, params_); }

 private:
  std::vector<value> params_;
};

}  // namespace kinora::storage
