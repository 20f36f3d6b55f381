#pragma once
// Time and randomness are injected so tests can control them.
#include <chrono>
#include <cstdint>
#include <string>

namespace kinora {

using sys_seconds = std::chrono::sys_seconds;

class clock {
 public:
  virtual ~clock() = default;
  virtual sys_seconds now() const = 0;
  std::int64_t now_unix() const { return now().time_since_epoch().count(); }
  // Finer, for delays under a second or two (sign-in throttling).
  virtual std::int64_t now_unix_ms() const { return now_unix() * 1000; }
};

class system_clock final : public clock {
 public:
  sys_seconds now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::int64_t now_unix_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class manual_clock final : public clock {
 public:
  explicit manual_clock(sys_seconds start) : now_(start) {}
  sys_seconds now() const override { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }
  void set(sys_seconds to) { now_ = to; }

 private:
  sys_seconds now_;
};

class random_source {
 public:
  virtual ~random_source() = default;
  virtual void fill(unsigned char* out, std::size_t size) = 0;
  std::string bytes(std::size_t size) {
    std::string out(size, '\0');
    fill(reinterpret_cast<unsigned char*>(out.data()), size);
    return out;
  }
};

// Cryptographically secure (libsodium).
class secure_random final : public random_source {
 public:
  void fill(unsigned char* out, std::size_t size) override;
};

}  // namespace kinora
