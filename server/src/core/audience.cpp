#include "core/audience.hpp"

namespace kinora {

status clear_audience(audience& a, watched what, std::int64_t id, bool end_streams) {
  if (end_streams) {
    a.stop_watching(what, id);
    return ok();
  }
  const auto n = a.watching(what, id);
  if (n == 0) return ok();
  const std::string thing = what == watched::title ? "title" : "channel";
  error e = fail(errc::conflict,
                 (n == 1 ? std::string("1 viewer is") : std::to_string(n) + " viewers are") +
                     " watching this " + thing +
                     " right now. Try again later, or send end_streams=true to end their "
                     "streams and delete it.",
                 "in-use");
  e.extensions = {{"streams", static_cast<long long>(n)}};
  return e;
}

}  // namespace kinora
