// kinora: the OTT platform server and its command-line tools.
#include <sodium.h>

#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "ai/blas_kernels.hpp"
#include "ai/embed_command.hpp"
#include "app/application.hpp"
#include "app/config.hpp"
#include "core/time.hpp"
#include "eval/eval_command.hpp"

namespace {

constexpr const char* usage = R"(kinora — open-source OTT streaming platform

Usage:
  kinora serve   [options]   run the server (API, media, web apps)
  kinora migrate [options]   apply database migrations and exit
  kinora seed    [options]   load the demo catalog and schedule (--demo adds demo accounts)
  kinora routes              list the HTTP routes
  kinora media build  [options]               package the demo clips (once) and link titles
  kinora media ingest FILE --title ID [--episode ID] [options]
                                              package a video file for a title or episode
  kinora xmltv import FILE [options]          import an XMLTV guide (all or nothing)
  kinora xmltv export [--from T] [--to T] [--out FILE] [options]
                                              write the guide as XMLTV (default: the week
                                              from today 00:00 UTC, to stdout)
  kinora m3u import FILE [options]            import an M3U line-up (all or nothing)
  kinora admin create EMAIL [options]         create the first admin (Premium, password read
                                              from stdin, at least 8 characters), or make an
                                              existing account an admin
  kinora embed   [--model DIR] TEXT...   print sentence embeddings as JSON
  kinora embed   --bench FILE            measure encoder throughput
  kinora eval    [--data DIR] [--plots DIR] [--database-url URL] [--model-dir DIR]
                 [--holdout F] [--seed N] [--limit-users N]
                                         For You vs popularity and random on MovieLens
  kinora eval import --database-url URL [--data DIR] [--plots DIR]
                                         only import MovieLens (catalog, accounts, history)
  kinora help                this text

Options (flags > KINORA_* environment > defaults):
)";

void print_usage(std::ostream& out) {
  out << usage;
  for (const auto& d : kinora::app::documented_settings())
    out << "  " << d.flag << " (" << d.env << ", default " << d.fallback << ")\n      " << d.meaning
        << "\n";
}

// A password from stdin: prompted for without echo on a terminal, else its first line.
std::string read_password(const std::string& email) {
  termios saved{};
  const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    std::cerr << "Password for " << email << " (at least 8 characters): " << std::flush;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int main(int argc, char** argv) {
  kinora::ai::use_best_blas_kernels(argv);
  if (sodium_init() < 0) {
    std::cerr << "kinora: libsodium failed to initialise\n";
    return 1;
  }
  const std::string command = argc > 1 ? argv[1] : "serve";
  if (command == "help" || command == "--help" || command == "-h") {
    print_usage(std::cout);
    return 0;
  }
  if (command == "embed") return kinora::ai::run_embed_command(argc - 1, argv + 1);
  if (command == "eval") return kinora::eval::run_eval_command(argc - 1, argv + 1);

  std::vector<std::string> args;
  for (int i = 2; i < argc; ++i) args.emplace_back(argv[i]);
  if (command == "routes")
    args = {"--database-url",     "sqlite::memory:",    "--no-demo",
            "--jwt-secret",       std::string(32, 'x'), "--media-secret",
            std::string(32, 'x'), "--log-level",        "error"};

  // `media` takes a subcommand, and ingest its own arguments, before the options.
  std::string media_action, ingest_file;
  std::int64_t title_id = 0, episode_id = 0;
  if (command == "media") {
    if (args.empty() || (args[0] != "build" && args[0] != "ingest")) {
      std::cerr << "kinora media: expected 'build' or 'ingest FILE --title ID'\n";
      return 2;
    }
    media_action = args[0];
    args.erase(args.begin());
    if (media_action == "ingest") {
      std::vector<std::string> rest;
      for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if ((args[i] == "--title" || args[i] == "--episode") && has_value) {
          const auto n = std::strtoll(args[i + 1].c_str(), nullptr, 10);
          (args[i] == "--title" ? title_id : episode_id) = n;
          ++i;
        } else if (ingest_file.empty() && !args[i].starts_with("--")) {
          ingest_file = args[i];
        } else {
          rest.push_back(args[i]);
        }
      }
      if (ingest_file.empty() || title_id <= 0 || episode_id < 0) {
        std::cerr << "kinora media ingest: expected FILE --title ID [--episode ID]\n";
        return 2;
      }
      args = std::move(rest);
    }
  }

  // `xmltv` takes a subcommand and its own arguments before the options.
  std::string xmltv_action, xmltv_file, xmltv_out;
  std::optional<std::int64_t> xmltv_from, xmltv_to;
  if (command == "xmltv") {
    if (args.empty() || (args[0] != "import" && args[0] != "export")) {
      std::cerr << "kinora xmltv: expected 'import FILE' or 'export [--from T] [--to T] [--out "
                   "FILE]'\n";
      return 2;
    }
    xmltv_action = args[0];
    args.erase(args.begin());
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const bool has_value = i + 1 < args.size();
      if (xmltv_action == "export" && (args[i] == "--from" || args[i] == "--to") && has_value) {
        const auto t = kinora::parse_rfc3339(args[i + 1]);
        if (!t) {
          std::cerr << "kinora xmltv export: " << args[i] << " must be an RFC 3339 time\n";
          return 2;
        }
        (args[i] == "--from" ? xmltv_from : xmltv_to) = *t;
        ++i;
      } else if (xmltv_action == "export" && args[i] == "--out" && has_value) {
        xmltv_out = args[++i];
      } else if (xmltv_action == "import" && xmltv_file.empty() && !args[i].starts_with("--")) {
        xmltv_file = args[i];
      } else {
        rest.push_back(args[i]);
      }
    }
    if (xmltv_action == "import" && xmltv_file.empty()) {
      std::cerr << "kinora xmltv import: expected FILE\n";
      return 2;
    }
    args = std::move(rest);
    // The document goes to stdout: keep the log quiet unless asked.
    if (xmltv_action == "export" && xmltv_out.empty())
      args.insert(args.begin(), {"--log-level", "error"});
  }

  // `m3u import FILE` and `admin create EMAIL`: the argument comes before the options.
  std::string m3u_file, admin_email;
  for (const auto& [name, action, what, out] :
       {std::tuple{"m3u", "import", "FILE", &m3u_file},
        std::tuple{"admin", "create", "EMAIL", &admin_email}}) {
    if (command != name) continue;
    if (args.size() < 2 || args[0] != action || args[1].starts_with("--")) {
      std::cerr << "kinora " << name << ": expected '" << action << " " << what << "'\n";
      return 2;
    }
    *out = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }

  auto loaded = kinora::app::load_config(args, command == "serve");
  if (!loaded.errors.empty()) {
    std::cerr << "kinora: invalid configuration:\n";
    for (const auto& e : loaded.errors) std::cerr << "  - " << e << "\n";
    std::cerr << "Run 'kinora help' for the options.\n";
    return 2;
  }
  try {
    kinora::app::application app(std::move(loaded.cfg));
    if (command == "serve") return app.serve();
    if (command == "m3u") return app.m3u_import(m3u_file);
    if (command == "migrate") return app.migrate();
    if (command == "admin")
      return app.create_admin(admin_email, [&] { return read_password(admin_email); });
    if (command == "seed") return app.seed();
    if (xmltv_action == "import") return app.xmltv_import(xmltv_file);
    if (xmltv_action == "export") return app.xmltv_export(xmltv_from, xmltv_to, xmltv_out);
    if (media_action == "build") return app.media_build();
    if (media_action == "ingest") return app.media_ingest(ingest_file, title_id, episode_id);
    if (command == "routes") {
      for (const auto& r : app.routes())
        std::cout << to_string(r.method) << " " << r.pattern << "\n";
      return 0;
    }
    std::cerr << "kinora: unknown command '" << command << "'\n\n";
    print_usage(std::cerr);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kinora: " << e.what() << "\n";
    return 1;
  }
}
