#include "recommend/title_vectors.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "catalog/catalog_reads.hpp"
#include "recommend/saved_index.hpp"
#include "recommend/title_text.hpp"

namespace kinora::recommend {

namespace cat = catalog::reads;

namespace {

constexpr std::size_t batch = 32;

std::vector<catalog::title> all_titles(storage::database& db) {
  auto c = db.acquire();
  const auto ids = cat::all_ids(*c);
  std::vector<catalog::title> out;
  for (std::size_t i = 0; i < ids.size(); i += 500) {
    const std::vector<std::int64_t> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(i),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + 500)));
    auto titles = cat::find_many(*c, catalog::everything, chunk);
    std::move(titles.begin(), titles.end(), std::back_inserter(out));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace

title_vectors::title_vectors(storage::database& db, std::unique_ptr<ai::encoder> encoder,
                             const clock& clk, logger& log, std::filesystem::path index_file)
    : db_(db),
      encoder_(std::move(encoder)),
      index_file_(std::move(index_file)),
      clock_(clk),
      log_(log) {
  if (encoder_) index_ = std::make_unique<ai::exact_index>(encoder_->dimension());
}

title_vectors::~title_vectors() {
  if (job_thread_.joinable()) job_thread_.join();
}

std::string title_vectors::model_id() const {
  return encoder_ ? encoder_->model_id() : std::string();
}

std::size_t title_vectors::size() const {
  return index_ ? index_->size() : 0;
}

void title_vectors::put(std::int64_t title_id, std::vector<float> vector) {
  index_->upsert(static_cast<ai::vector_id>(title_id), vector);
}

void title_vectors::drop(std::int64_t title_id) {
  index_->remove(static_cast<ai::vector_id>(title_id));
}

std::uint64_t title_vectors::edits_so_far() const {
  std::lock_guard lock(edits_mutex_);
  return edit_seq_;
}

bool title_vectors::put_unless_edited(std::int64_t title_id, std::vector<float> vector,
                                      std::uint64_t since) {
  // A title edited after the sync read the catalog keeps the edit's vector; the check
  // and the put are one step against refresh(), which puts and counts under this lock.
  std::lock_guard lock(edits_mutex_);
  if (const auto it = edited_.find(title_id); it != edited_.end() && it->second > since)
    return false;
  put(title_id, std::move(vector));
  return true;
}

bool title_vectors::drop_unless_edited(std::int64_t title_id, std::uint64_t since) {
  std::lock_guard lock(edits_mutex_);
  if (const auto it = edited_.find(title_id); it != edited_.end() && it->second > since)
    return false;
  drop(title_id);
  return true;
}

void title_vectors::set_progress(embedding_job* progress, std::size_t done, std::size_t total) {
  if (!progress) return;
  std::lock_guard jl(jobs_mutex_);  // job() copies the entry under the same lock
  progress->done = done;
  progress->embedded = done;
  progress->total = total;
}

std::size_t title_vectors::sync(bool regenerate, embedding_job* progress) {
  if (!encoder_) return 0;
  std::lock_guard lock(sync_mutex_);
  // Edits after this point win over what this sync computes from the titles read now.
  const auto since = edits_so_far();
  std::vector<std::string> texts;
  std::vector<std::pair<std::int64_t, std::string>> hashes;  // (id, text hash), by id
  {
    // Only the texts are needed from here on: the whole rows would stay in memory for
    // the length of the job.
    const auto titles = all_titles(db_);
    texts.reserve(titles.size());
    hashes.reserve(titles.size());
    for (const auto& t : titles) {
      texts.push_back(embedding_text(t));
      hashes.emplace_back(t.id, text_hash(texts.back()));
    }
  }
  const auto fingerprint = saved_index::fingerprint(encoder_->model_id(), hashes);
  // At start-up the saved index, when current, replaces reading every stored vector.
  if (!regenerate && size() == 0 && load_saved(fingerprint, hashes.size())) {
    embedding_store::confirm_current(*db_.acquire(), encoder_->model_id(), clock_.now_unix());
    return 0;
  }

  std::unordered_map<std::int64_t, stored_embedding> stored;
  if (!regenerate)
    for (auto& e : embedding_store::load(*db_.acquire(), encoder_->model_id()))
      stored.emplace(e.title_id, std::move(e));

  std::vector<std::size_t> todo;  // positions in hashes and texts
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    const auto it = stored.find(hashes[i].first);
    if (it != stored.end() && it->second.text_hash == hashes[i].second &&
        it->second.vector.size() == encoder_->dimension())
      put_unless_edited(hashes[i].first, std::move(it->second.vector), since);
    else
      todo.push_back(i);
  }
  // Titles deleted since the vectors were stored leave the index.
  std::unordered_set<std::int64_t> present;
  for (const auto& h : hashes) present.insert(h.first);
  std::vector<std::int64_t> gone;
  index_->for_each([&](ai::vector_id id, std::span<const float>) {
    if (!present.count(static_cast<std::int64_t>(id)))
      gone.push_back(static_cast<std::int64_t>(id));
  });
  for (auto id : gone) drop_unless_edited(id, since);

  set_progress(progress, 0, todo.size());
  for (std::size_t i = 0; i < todo.size(); i += batch) {
    const auto end = std::min(todo.size(), i + batch);
    std::vector<std::string> chunk;
    for (std::size_t j = i; j < end; ++j) chunk.push_back(texts[todo[j]]);
    const auto vectors = encoder_->encode(chunk);
    // One transaction per batch: 32 rows per commit instead of 32 commits.
    db_.transact([&](storage::connection& c) {
      for (std::size_t j = i; j < end; ++j) {
        const auto row = vectors.row(j - i);
        stored_embedding e{hashes[todo[j]].first, hashes[todo[j]].second, {row.begin(), row.end()}};
        // An edited title's row may be overwritten with the older text's vector here;
        // its text hash then differs from the title's, so the next sync embeds it again.
        embedding_store::save(c, encoder_->model_id(), e, clock_.now_unix());
        put_unless_edited(e.title_id, std::move(e.vector), since);
      }
    });
    set_progress(progress, end, todo.size());
  }
  embedding_store::confirm_current(*db_.acquire(), encoder_->model_id(), clock_.now_unix());
  save_index(fingerprint);
  return todo.size();
}

bool title_vectors::load_saved(const std::string& fingerprint, std::size_t titles) {
  if (index_file_.empty()) return false;
  try {
    const auto saved = saved_index::load(index_file_, fingerprint);
    if (!saved) {
      if (std::error_code ec; std::filesystem::exists(index_file_, ec))
        log_.info("the saved vector index is out of date (titles or model changed); rebuilding it",
                  {{"file", index_file_.string()}});
      return false;
    }
    if (saved->dimension() != encoder_->dimension() || saved->size() != titles) {
      log_.warn("ignoring the saved vector index: it does not match the catalog",
                {{"file", index_file_.string()}});
      return false;
    }
    index_->take(std::move(*saved));
    saved_fingerprint_ = fingerprint;
    log_.info("vector index loaded from file",
              {{"file", index_file_.string()}, {"titles", static_cast<std::int64_t>(titles)}});
    return true;
  } catch (const std::exception& e) {
    log_.warn("ignoring the saved vector index; rebuilding it from the database",
              {{"file", index_file_.string()}, {"error", e.what()}});
    return false;
  }
}

void title_vectors::save_index(const std::string& fingerprint) {
  if (index_file_.empty() || fingerprint == saved_fingerprint_) return;
  try {
    saved_index::save(*index_, index_file_, fingerprint);
    saved_fingerprint_ = fingerprint;
  } catch (const std::exception& e) {
    log_.warn("could not save the vector index",
              {{"file", index_file_.string()}, {"error", e.what()}});
  }
}

void title_vectors::refresh(std::int64_t title_id) {
  if (!encoder_) return;
  // Not sync_mutex_: an edit must not wait behind a whole-catalog regeneration (minutes
  // on a big catalog). Refreshes run one at a time so the later edit's vector lands last.
  std::lock_guard serial(refresh_mutex_);
  std::optional<catalog::title> t;
  {
    auto c = db_.acquire();
    t = cat::find(*c, catalog::everything, title_id);
  }
  if (!t) {
    std::lock_guard lock(edits_mutex_);
    drop(title_id);
    edited_[title_id] = ++edit_seq_;
    return;  // the row (and its embedding) went with the title
  }
  const auto text = embedding_text(*t);
  const std::vector<std::string> one{text};
  const auto v = encoder_->encode(one);
  stored_embedding e{title_id, text_hash(text), {v.row(0).begin(), v.row(0).end()}};
  embedding_store::save(*db_.acquire(), encoder_->model_id(), e, clock_.now_unix());
  std::lock_guard lock(edits_mutex_);
  put(title_id, std::move(e.vector));
  edited_[title_id] = ++edit_seq_;
}

std::vector<ai::search_hit> title_vectors::similar(std::int64_t title_id, std::size_t k,
                                                   const ai::id_filter& accept) const {
  if (!index_) return {};
  const auto self = static_cast<ai::vector_id>(title_id);
  const auto query = vector_of(title_id);
  if (!query) return {};
  return index_->search(*query, k,
                        [&](ai::vector_id id) { return id != self && (!accept || accept(id)); });
}

std::optional<std::vector<float>> title_vectors::vector_of(std::int64_t title_id) const {
  if (!index_) return std::nullopt;
  return index_->vector(static_cast<ai::vector_id>(title_id));
}

std::vector<ai::search_hit> title_vectors::nearest(std::span<const float> query, std::size_t k,
                                                   const ai::id_filter& accept) const {
  if (!index_ || query.size() != index_->dimension()) return {};
  return index_->search(query, k, accept);
}

std::vector<ai::search_hit> title_vectors::search(const std::string& text, std::size_t k,
                                                  const ai::id_filter& accept) const {
  if (!index_ || text.empty()) return {};
  const std::vector<std::string> one{text};
  const auto v = encoder_->encode(one);
  return index_->search(v.row(0), k, accept);
}

result<embedding_job> title_vectors::start_job(bool regenerate, std::string id) {
  if (!encoder_)
    return fail(errc::unavailable, "No embedding model is loaded; see --model-dir.",
                "model-unavailable");
  std::lock_guard lock(jobs_mutex_);
  for (const auto& j : jobs_)
    if (j.status == job_status::running)
      return fail(errc::conflict, "Embedding job " + j.id + " is still running.", "job-running");
  if (job_thread_.joinable()) job_thread_.join();
  embedding_job job;
  job.id = std::move(id);
  job.regenerate = regenerate;
  job.started_at = clock_.now_unix();
  jobs_.push_back(job);
  job_thread_ = std::thread([this, index = jobs_.size() - 1, regenerate] {
    std::string error;
    try {
      // progress lives in jobs_, updated under jobs_mutex_ by sync().
      embedding_job* target = nullptr;
      {
        std::lock_guard l(jobs_mutex_);
        target = &jobs_[index];
      }
      sync(regenerate, target);
    } catch (const std::exception& e) {
      error = e.what();
    }
    std::lock_guard l(jobs_mutex_);
    auto& j = jobs_[index];
    j.finished_at = clock_.now_unix();
    j.status = error.empty() ? job_status::succeeded : job_status::failed;
    if (!error.empty()) j.error = error;
    log_.info("embedding job finished", {{"job", j.id},
                                         {"status", to_string(j.status)},
                                         {"embedded", static_cast<std::int64_t>(j.embedded)}});
  });
  return job;
}

std::optional<embedding_job> title_vectors::job(const std::string& id) const {
  std::lock_guard lock(jobs_mutex_);
  for (const auto& j : jobs_)
    if (j.id == id) return j;
  return std::nullopt;
}

}  // namespace kinora::recommend
