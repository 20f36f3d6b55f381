#pragma once
// The text a title is embedded from, and its fingerprint: a title is re-embedded
// exactly when this text (or the model) changes.
#include <string>

#include "catalog/title.hpp"

namespace kinora::recommend {

std::string embedding_text(const catalog::title& t);
// Hex SHA-256 of the text.
std::string text_hash(const std::string& text);

}  // namespace kinora::recommend
