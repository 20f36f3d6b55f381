#pragma once
// Every title's embedding, in the database and in an in-memory cosine index. Start-up
// loads the saved index file when it is current (same model, same titles and texts),
// else loads what is stored, embeds only titles that are new or whose text changed, and
// saves the index again; an admin edit re-embeds just that title (the file is then
// stale until the next sync); an admin job can regenerate everything.
// Without a model the index stays empty and callers fall back (and say so).
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include "ai/encoder.hpp"
#include "ai/exact_index.hpp"
#include "core/clock.hpp"
#include "core/job_status.hpp"
#include "core/log.hpp"
#include "core/result.hpp"
#include "recommend/embedding_store.hpp"
#include "storage/database.hpp"

namespace kinora::recommend {

struct embedding_job {
  std::string id;
  job_status status = job_status::running;  // never queued: a job starts as it is made
  bool regenerate = false;
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t embedded = 0;
  std::optional<std::string> error;
  std::int64_t started_at = 0;
  std::int64_t finished_at = 0;
};

class title_vectors {
 public:
  // index_file: where the index is saved; empty for none.
  title_vectors(storage::database& db, std::unique_ptr<ai::encoder> encoder, const clock& clk,
                logger& log, std::filesystem::path index_file = {});
  ~title_vectors();

  bool available() const { return encoder_ != nullptr; }
  // The sentence encoder, for other text than titles (admin questions); null without a model.
  const ai::encoder* encoder() const { return encoder_.get(); }
  std::string model_id() const;
  std::size_t size() const;

  // Makes the index match the catalog; returns how many titles were embedded.
  std::size_t sync(bool regenerate = false, embedding_job* progress = nullptr);
  // After an admin write: embeds the title again, or forgets a deleted one.
  void refresh(std::int64_t title_id);

  // Nearest titles to a stored title, among ids the filter accepts (never itself).
  std::vector<ai::search_hit> similar(std::int64_t title_id, std::size_t k,
                                      const ai::id_filter& accept) const;
  // Nearest titles to a vector (a profile's taste).
  std::vector<ai::search_hit> nearest(std::span<const float> query, std::size_t k,
                                      const ai::id_filter& accept) const;
  // A copy of the title's (unit-length) vector, if it has one.
  std::optional<std::vector<float>> vector_of(std::int64_t title_id) const;
  // Nearest titles to a free-text query.
  std::vector<ai::search_hit> search(const std::string& text, std::size_t k,
                                     const ai::id_filter& accept) const;

  // Runs sync() as a background job; conflict while one runs.
  result<embedding_job> start_job(bool regenerate, std::string id);
  std::optional<embedding_job> job(const std::string& id) const;

 private:
  void put(std::int64_t title_id, std::vector<float> vector);
  void drop(std::int64_t title_id);
  std::uint64_t edits_so_far() const;
  // sync()'s writes: skipped for a title refresh() changed after `since`.
  bool put_unless_edited(std::int64_t title_id, std::vector<float> vector, std::uint64_t since);
  bool drop_unless_edited(std::int64_t title_id, std::uint64_t since);
  void set_progress(embedding_job* progress, std::size_t done, std::size_t total);
  // True when the saved index matched the fingerprint and filled the (empty) index.
  bool load_saved(const std::string& fingerprint, std::size_t titles);
  // Saves the index unless the file already holds this fingerprint; logs failures.
  void save_index(const std::string& fingerprint);

  storage::database& db_;
  std::unique_ptr<ai::encoder> encoder_;
  // The one in-memory copy of every vector: "more like title X" reads X's from it too.
  std::unique_ptr<ai::exact_index> index_;
  std::filesystem::path index_file_;
  std::string saved_fingerprint_;  // what index_file_ holds, as far as this process knows
  const clock& clock_;
  logger& log_;
  std::mutex sync_mutex_;     // one sync at a time
  std::mutex refresh_mutex_;  // one refresh at a time, independent of sync
  // Per title, the edit count when refresh() last wrote it (never pruned: one entry per
  // edited title is small next to the vectors).
  mutable std::mutex edits_mutex_;
  std::uint64_t edit_seq_ = 0;
  std::unordered_map<std::int64_t, std::uint64_t> edited_;
  mutable std::mutex jobs_mutex_;
  std::deque<embedding_job> jobs_;  // deque: a running job's entry never moves
  std::thread job_thread_;
};

}  // namespace kinora::recommend
