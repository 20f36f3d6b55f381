#pragma once
// What the admin titles table shows next to each title: whether it has packaged media
// and whether its embedding is current. Both are SQL over the media and recommend
// tables (media_links, media_jobs, title_embeddings), read here by name only, so the
// catalog does not include those domains (they include the catalog).
#include <cstdint>
#include <string>

#include "catalog/title.hpp"

namespace kinora::catalog {

struct title_status {
  // none | processing | failed | partial (a series with some episodes playable) | ready
  std::string media = "none";
  std::int64_t episodes = 0;             // series only
  std::int64_t episodes_with_media = 0;  // series only
  // missing | stale | current
  std::string embedding = "missing";
};

struct admin_title {
  title t;
  title_status status;
};

namespace title_status_sql {

// The joins (onto the row alias `t`, titles) the expressions below read.
std::string joins();
// SQL expressions over `t` and joins(); each yields a status word or a count.
std::string media();
std::string episodes();
std::string episodes_with_media();
// model_param: "$n" bound to the loaded model's id, or empty without a model (then only
// "edited since embedded" makes an embedding stale).
std::string embedding(const std::string& model_param);

}  // namespace title_status_sql
}  // namespace kinora::catalog
