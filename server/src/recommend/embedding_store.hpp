#pragma once
// Title embeddings in the database, with the model that made them and the hash of the
// text they came from. Vectors travel as base64 of little-endian float32, one column
// type on both backends. Free functions on a connection, so a batch of saves can share one
// transaction.
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

namespace embedding_store {

using storage::connection;

// Every embedding made by this model.
std::vector<stored_embedding> load(connection& c, const std::string& model_id);
void save(connection& c, const std::string& model_id, const stored_embedding& e, std::int64_t now);
// After a sync, every stored vector of the model matches its title's text: one whose
// title was edited since (without a text change) is current again, not stale.
void confirm_current(connection& c, const std::string& model_id, std::int64_t now);

}  // namespace embedding_store

}  // namespace kinora::recommend
