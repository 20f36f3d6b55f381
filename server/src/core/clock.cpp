#include "core/clock.hpp"

#include <sodium.h>

namespace kinora {

void secure_random::fill(unsigned char* out, std::size_t size) {
  randombytes_buf(out, size);
}

}  // namespace kinora
