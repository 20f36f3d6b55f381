#include "core/files.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kinora::files {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_atomically(const std::filesystem::path& p, std::string_view bytes) {
  const std::filesystem::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, p);
}

void write_durably(const std::filesystem::path& p, std::string_view bytes, unsigned mode) {
  const std::string tmp = p.string() + ".tmp";
  auto failed = [&](const char* step, int error) {
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + p.string() + " (" + step + " " + tmp + ": " +
                             std::strerror(error) + ")");
  };
  const int fd =
      ::open(tmp.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) failed("open", errno);
  // The umask may have narrowed it; a key file must be exactly what was asked.
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    const int e = errno;
    ::close(fd);
    failed("chmod", e);
  }
  for (std::size_t done = 0; done < bytes.size();) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = n < 0 ? errno : EIO;
      ::close(fd);
      failed("write", e);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int e = errno;
    ::close(fd);
    failed("fsync", e);
  }
  if (::close(fd) != 0) failed("close", errno);
  if (::rename(tmp.c_str(), p.c_str()) != 0) failed("rename", errno);
  // The rename is durable once the folder's entry is on disk.
  const auto dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    const int e = errno;
    if (dfd >= 0) ::close(dfd);
    throw std::runtime_error("cannot write " + p.string() +
                             " (fsync of the folder: " + std::strerror(e) + ")");
  }
  ::close(dfd);
}

namespace {

[[noreturn]] void refuse(const std::string& what, int error, std::string_view why,
                         std::string_view fix) {
  throw std::runtime_error(
      "cannot write " + what + " (" + std::strerror(error) + "): " + std::string(why) +
      ". Give the user kinora runs as write access, or " + std::string(fix) + ".");
}

}  // namespace

void require_writable_folder(const std::filesystem::path& dir, std::string_view lives,
                             std::string_view fix) {
  const auto shown = std::filesystem::absolute(dir).lexically_normal().string();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) refuse("the folder " + shown, ec.value(), lives, fix);
  const auto probe = (dir / (".kinora-write-check-" + std::to_string(::getpid()))).string();
  const int fd = ::open(probe.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) refuse("the folder " + shown, errno, lives, fix);
  ::close(fd);
  ::unlink(probe.c_str());
}

void require_writable_file(const std::filesystem::path& file, std::string_view why,
                           std::string_view fix) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  if (errno != ENOENT) refuse("the file " + file.string(), errno, why, fix);
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

std::string from_hex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, nullptr) != 0)
    return {};
  out.resize(len);
  return out;
}

}  // namespace kinora::files
