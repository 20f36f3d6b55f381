#include "core/error.hpp"

namespace kinora {

std::string_view to_string(errc code) {
  switch (code) {
    case errc::bad_request:
      return "bad-request";
    case errc::validation:
      return "validation";
    case errc::unauthorized:
      return "unauthorized";
    case errc::forbidden:
      return "forbidden";
    case errc::not_found:
      return "not-found";
    case errc::method_not_allowed:
      return "method-not-allowed";
    case errc::conflict:
      return "conflict";
    case errc::gone:
      return "gone";
    case errc::precondition_failed:
      return "precondition-failed";
    case errc::range_not_satisfiable:
      return "range-not-satisfiable";
    case errc::payload_too_large:
      return "payload-too-large";
    case errc::headers_too_large:
      return "headers-too-large";
    case errc::unsupported_media_type:
      return "unsupported-media-type";
    case errc::rate_limited:
      return "rate-limited";
    case errc::unavailable:
      return "unavailable";
    case errc::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace kinora
