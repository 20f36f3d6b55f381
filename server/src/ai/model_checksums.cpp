#include "ai/model_checksums.hpp"

#include <sodium.h>

#include <fstream>
#include <string>

#include "ai/mapped_file.hpp"
#include "ai/model_error.hpp"

namespace kinora::ai {

namespace {

std::string sha256_hex(const std::filesystem::path& file) {
  const mapped_file mapped(file);
  const auto bytes = mapped.bytes();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

constexpr const char* refetch = "; run `make model` (scripts/fetch-model.sh) to fetch it again";

}  // namespace

void verify_checksums(const std::filesystem::path& model_dir) {
  const auto sums = model_dir / "SHA256SUMS";
  std::ifstream in(sums);
  if (!in) return;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    // "<64 hex digits>  <path>" (the second character before the path is ' ' or '*').
    if (line.size() < 67 || line[64] != ' ' || line.find_first_not_of("0123456789abcdef") < 64)
      throw model_error(sums.string() + " line " + std::to_string(number) +
                        " is not \"<sha256>  <file>\"" + refetch);
    const auto name = line.substr(66);
    const auto file = model_dir / name;
    if (!std::filesystem::is_regular_file(file))
      throw model_error(file.string() + " is missing" + refetch);
    if (sha256_hex(file) != line.substr(0, 64))
      throw model_error(file.string() +
                        " does not match its sha256 in SHA256SUMS (a corrupt or changed file), so "
                        "it is not used" +
                        refetch);
  }
}

}  // namespace kinora::ai
