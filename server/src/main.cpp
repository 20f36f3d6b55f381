// kinora: the OTT platform server and its command-line tools.
#include <sodium.h>

#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <exception>
#include <functional>
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

using args_t = std::vector<std::string>;

// Loads the options left after a command's own arguments and runs `body` with the
// application, or reports every configuration problem at once.
int with_application(const args_t& options, bool serving,
                     const std::function<int(kinora::app::application&)>& body) {
  auto loaded = kinora::app::load_config(options, serving);
  if (!loaded.errors.empty()) {
    std::cerr << "kinora: invalid configuration:\n";
    for (const auto& e : loaded.errors) std::cerr << "  - " << e << "\n";
    std::cerr << "Run 'kinora help' for the options.\n";
    return 2;
  }
  try {
    kinora::app::application app(std::move(loaded.cfg));
    return body(app);
  } catch (const std::exception& e) {
    std::cerr << "kinora: " << e.what() << "\n";
    return 1;
  }
}

int usage_error(const std::string& message) {
  std::cerr << "kinora " << message << "\n";
  return 2;
}

int run_routes(const args_t&) {
  const args_t quiet{"--database-url",     "sqlite::memory:",    "--no-demo",
                     "--jwt-secret",       std::string(32, 'x'), "--media-secret",
                     std::string(32, 'x'), "--log-level",        "error"};
  return with_application(quiet, false, [](kinora::app::application& app) {
    for (const auto& r : app.routes()) std::cout << to_string(r.method) << " " << r.pattern << "\n";
    return 0;
  });
}

// `media build`, or `media ingest FILE --title ID [--episode ID]`, before the options.
int run_media(args_t args) {
  if (args.empty() || (args[0] != "build" && args[0] != "ingest"))
    return usage_error("media: expected 'build' or 'ingest FILE --title ID'");
  const std::string action = args[0];
  args.erase(args.begin());
  if (action == "build")
    return with_application(args, false, [](auto& app) { return app.media_build(); });
  std::string file;
  std::int64_t title_id = 0, episode_id = 0;
  args_t rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if ((args[i] == "--title" || args[i] == "--episode") && has_value) {
      auto& id = args[i] == "--title" ? title_id : episode_id;
      id = std::strtoll(args[++i].c_str(), nullptr, 10);
    } else if (file.empty() && !args[i].starts_with("--")) {
      file = args[i];
    } else {
      rest.push_back(args[i]);
    }
  }
  if (file.empty() || title_id <= 0 || episode_id < 0)
    return usage_error("media ingest: expected FILE --title ID [--episode ID]");
  return with_application(rest, false,
                          [&](auto& app) { return app.media_ingest(file, title_id, episode_id); });
}

// `xmltv import FILE`, or `xmltv export [--from T] [--to T] [--out FILE]`, before the options.
int run_xmltv(args_t args) {
  if (args.empty() || (args[0] != "import" && args[0] != "export"))
    return usage_error(
        "xmltv: expected 'import FILE' or 'export [--from T] [--to T] [--out FILE]'");
  const bool exporting = args[0] == "export";
  args.erase(args.begin());
  std::string file, out;
  std::optional<std::int64_t> from, to;
  args_t rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (exporting && (args[i] == "--from" || args[i] == "--to") && has_value) {
      const auto t = kinora::parse_rfc3339(args[i + 1]);
      if (!t) return usage_error("xmltv export: " + args[i] + " must be an RFC 3339 time");
      (args[i] == "--from" ? from : to) = *t;
      ++i;
    } else if (exporting && args[i] == "--out" && has_value) {
      out = args[++i];
    } else if (!exporting && file.empty() && !args[i].starts_with("--")) {
      file = args[i];
    } else {
      rest.push_back(args[i]);
    }
  }
  if (!exporting) {
    if (file.empty()) return usage_error("xmltv import: expected FILE");
    return with_application(rest, false, [&](auto& app) { return app.xmltv_import(file); });
  }
  // The document goes to stdout: keep the log quiet unless asked.
  if (out.empty()) rest.insert(rest.begin(), {"--log-level", "error"});
  return with_application(rest, false, [&](auto& app) { return app.xmltv_export(from, to, out); });
}

// `NAME ACTION ARGUMENT [options]`: the one argument comes before the options.
int run_with_argument(
    const std::string& name, const std::string& action, const std::string& what, args_t args,
    const std::function<int(kinora::app::application&, const std::string&)>& run) {
  if (args.size() < 2 || args[0] != action || args[1].starts_with("--"))
    return usage_error(name + ": expected '" + action + " " + what + "'");
  const std::string argument = args[1];
  args.erase(args.begin(), args.begin() + 2);
  return with_application(args, false, [&](auto& app) { return run(app, argument); });
}

struct command {
  std::string_view name;
  std::function<int(int argc, char** argv)> run;  // argv[0] is the command
};

args_t rest_of(int argc, char** argv) {
  return args_t(argv + 1, argv + argc);
}

const std::vector<command>& commands() {
  static const std::vector<command> table{
      {"serve",
       [](int argc, char** argv) {
         return with_application(rest_of(argc, argv), true, [](auto& app) { return app.serve(); });
       }},
      {"migrate",
       [](int argc, char** argv) {
         return with_application(rest_of(argc, argv), false,
                                 [](auto& app) { return app.migrate(); });
       }},
      {"seed",
       [](int argc, char** argv) {
         return with_application(rest_of(argc, argv), false, [](auto& app) { return app.seed(); });
       }},
      {"routes", [](int argc, char** argv) { return run_routes(rest_of(argc, argv)); }},
      {"media", [](int argc, char** argv) { return run_media(rest_of(argc, argv)); }},
      {"xmltv", [](int argc, char** argv) { return run_xmltv(rest_of(argc, argv)); }},
      {"m3u",
       [](int argc, char** argv) {
         return run_with_argument(
             "m3u", "import", "FILE", rest_of(argc, argv),
             [](auto& app, const std::string& file) { return app.m3u_import(file); });
       }},
      {"admin",
       [](int argc, char** argv) {
         return run_with_argument("admin", "create", "EMAIL", rest_of(argc, argv),
                                  [](auto& app, const std::string& email) {
                                    return app.create_admin(email,
                                                            [&] { return read_password(email); });
                                  });
       }},
      {"embed", [](int argc, char** argv) { return kinora::ai::run_embed_command(argc, argv); }},
      {"eval", [](int argc, char** argv) { return kinora::eval::run_eval_command(argc, argv); }},
  };
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  kinora::ai::use_best_blas_kernels(argv);
  if (sodium_init() < 0) {
    std::cerr << "kinora: libsodium failed to initialise\n";
    return 1;
  }
  const std::string name = argc > 1 ? argv[1] : "serve";
  if (name == "help" || name == "--help" || name == "-h") {
    print_usage(std::cout);
    return 0;
  }
  for (const auto& c : commands())
    if (c.name == name) {
      if (argc > 1) return c.run(argc - 1, argv + 1);
      char* serve_only[] = {argv[0]};  // no command: serve with defaults
      return c.run(1, serve_only);
    }
  std::cerr << "kinora: unknown command '" << name << "'\n\n";
  print_usage(std::cerr);
  return 2;
}
