#include <gtest/gtest.h>
#include <cstring>
#include <fstream>

#include "ai/model_error.hpp"
#include "ai/safetensors.hpp"
#include "test_support.hpp"

namespace kinora::ai {
namespace {

void write_raw(const std::filesystem::path& path, std::uint64_t header_len,
               const std::string& header, std::size_t data_bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (int i = 0; i < 8; ++i) out.put(static_cast<char>((header_len >> (8 * i)) & 0xFF));
  out << header << std::string(data_bytes, '\0');
}

std::string error_of(const std::filesystem::path& path) {
  try {
    safetensors_file f(path);
  } catch (const model_error& e) {
    return e.what();
  }
  return "";
}

TEST(Safetensors, ReadsHeaderAndTensorBytes) {
  test::temp_dir dir("st");
  const auto path = dir.path() / "t.safetensors";
  test::fake_tensor ids{"ids", "I64", {3}, std::vector<std::byte>(24)};
  const std::int64_t values[3] = {7, -1, 42};
  std::memcpy(ids.data.data(), values, 24);
  test::write_safetensors(path, {test::f32_tensor("a.weight", {2, 3}, {1, 2, 3, 4, 5, 6}), ids,
                                 test::f32_tensor("scalar", {}, {3.5f})});
  safetensors_file f(path);
  ASSERT_EQ(f.tensors().size(), 3u);
  EXPECT_EQ(f.metadata().at("format"), "pt");
  const auto* a = f.find("a.weight");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->dtype, "F32");
  EXPECT_EQ(a->shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(a->element_count(), 6);
  float got[6];
  std::memcpy(got, a->bytes.data(), sizeof got);
  EXPECT_EQ(got[5], 6.0f);
  const auto* i = f.find("ids");
  ASSERT_NE(i, nullptr);
  std::int64_t got_ids[3];
  std::memcpy(got_ids, i->bytes.data(), sizeof got_ids);
  EXPECT_EQ(got_ids[2], 42);
  EXPECT_EQ(f.find("scalar")->element_count(), 1);
  EXPECT_EQ(f.find("missing"), nullptr);
}

TEST(Safetensors, RejectsMalformedFilesNamingThem) {
  test::temp_dir dir("bad");
  const auto p = dir.path() / "bad.safetensors";

  EXPECT_NE(error_of(dir.path() / "absent.safetensors").find("absent.safetensors"),
            std::string::npos);

  test::write_text(p, "abc");
  EXPECT_NE(error_of(p).find("too short"), std::string::npos);

  write_raw(p, 1000, "{}", 0);
  EXPECT_NE(error_of(p).find("header length 1000"), std::string::npos);

  const std::string not_json = "{\"a\": [";
  write_raw(p, not_json.size(), not_json, 0);
  EXPECT_NE(error_of(p).find("invalid JSON"), std::string::npos);

  const std::string past_end = R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})";
  write_raw(p, past_end.size(), past_end, 8);
  const auto e1 = error_of(p);
  EXPECT_NE(e1.find("tensor w"), std::string::npos) << e1;
  EXPECT_NE(e1.find("past the end"), std::string::npos) << e1;

  const std::string wrong_size = R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}})";
  write_raw(p, wrong_size.size(), wrong_size, 16);
  EXPECT_NE(error_of(p).find("do not match F32 shape"), std::string::npos);

  const std::string no_dtype = R"({"w":{"shape":[4],"data_offsets":[0,16]}})";
  write_raw(p, no_dtype.size(), no_dtype, 16);
  EXPECT_NE(error_of(p).find("missing dtype"), std::string::npos);

  const std::string reversed = R"({"w":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})";
  write_raw(p, reversed.size(), reversed, 16);
  EXPECT_NE(error_of(p).find("invalid data_offsets"), std::string::npos);
}

TEST(Safetensors, MapsTheSyntheticMiniLMFile) {
  const auto path = test::shared_models_dir() / "minilm-synthetic" / "model.safetensors";
  KINORA_REQUIRE_PATH(path, "minilm-synthetic");
  safetensors_file f(path);
  EXPECT_EQ(f.tensors().size(), 104u);
  const auto* w = f.find("embeddings.word_embeddings.weight");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->shape, (std::vector<std::int64_t>{30522, 384}));
  EXPECT_EQ(f.find("embeddings.position_ids")->dtype, "I64");
}

}  // namespace
}  // namespace kinora::ai
