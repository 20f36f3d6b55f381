#pragma once
// Title embeddings in the database, with the model that made them and the hash of the
// text they came from. Vectors travel as base64 of little-endian float32, one column
// type on both backends.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kinora::recommend {

struct stored_embedding {
  std::int64_t title_id = 0;
  std::string text_hash;
  std::vector<float> vector;
};

class embedding_store {
 public:
  explicit embedding_store(storage::database& db) : db_(db) {}

  // Every embedding made by this model.
  std::vector<stored_embedding> load(const std::string& model_id);
  void save(const std::string& model_id, const stored_embedding& e, std::int64_t now);
  // The same on a given connection, so a batch of saves can share one transaction.
  static void save(storage::connection& c, const std::string& model_id, const stored_embedding& e,
                   std::int64_t now);
  void remove(std::int64_t title_id);
  // After a sync, every stored vector of the model matches its title's text: one whose
  // title was edited since (without a text change) is current again, not stale.
  static void confirm_current(storage::connection& c, const std::string& model_id,
                              std::int64_t now);

 private:
  storage::database& db_;
};

}  // namespace kinora::recommend
