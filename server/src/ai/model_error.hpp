#pragma once

#include <stdexcept>

namespace kinora::ai {

// Thrown only while loading a model or an index (start-up failures); the message
// names the file, tensor or setting at fault.
class model_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kinora::ai
