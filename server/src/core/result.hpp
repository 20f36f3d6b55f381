#pragma once
#include <cassert>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace kinora {

// A value or an error (C++23's std::expected, which GCC 12 lacks in C++20 mode).
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  result(error e) : state_(std::in_place_index<1>, std::move(e)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const error& err() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  error&& err() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, error> state_;
};

struct ok_t {};
using status = result<ok_t>;
inline status ok() {
  return ok_t{};
}

inline error fail(errc code, std::string detail, std::string kind = {}) {
  return error::make(code, std::move(detail), std::move(kind));
}

// A 422 naming one invalid field, as services report rules the body's shape can't express.
inline error invalid_field(std::string field, std::string message) {
  error e = fail(errc::validation, "The request body has invalid fields.");
  e.fields.push_back({std::move(field), std::move(message)});
  return e;
}

}  // namespace kinora

// Propagates an error from an expression returning result<T>; yields the value otherwise.
// NOLINTBEGIN(bugprone-macro-parentheses): var is the name being declared, not an expression
#define KINORA_TRY(var, expr)                                \
  auto var##_result_ = (expr);                               \
  if (!var##_result_) return std::move(var##_result_).err(); \
  auto var = std::move(var##_result_).value()
// NOLINTEND(bugprone-macro-parentheses)
