#pragma once
// Who is watching a title or a channel right now. The catalog and the guide ask before
// they delete something people are watching; playback answers, without either of them
// depending on playback.
#include <cstddef>
#include <cstdint>

#include "core/result.hpp"

namespace kinora {

enum class watched { title, channel };

class audience {
 public:
  virtual ~audience() = default;
  // Viewers' live streams playing it (a title counts all its episodes); admin previews
  // are not viewers.
  virtual std::size_t watching(watched what, std::int64_t id) = 0;
  // Ends every live stream playing it, previews too: their players stop at the next
  // heartbeat.
  virtual void stop_watching(watched what, std::int64_t id) = 0;
};

// Before deleting what viewers watch: with end_streams their streams are ended first,
// otherwise a 409 `in-use` names how many (`streams`) and how to go on.
status clear_audience(audience& a, watched what, std::int64_t id, bool end_streams);

}  // namespace kinora
