// kinora: the OTT platform server and its command-line tools.
#include <sodium.h>

#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "ai/embed_command.hpp"
#include "app/application.hpp"
#include "app/config.hpp"

namespace {

constexpr const char* usage = R"(kinora — open-source OTT streaming platform

Usage:
  kinora serve   [options]   run the server (API, media, web apps)
  kinora migrate [options]   apply database migrations and exit
  kinora seed    [options]   load the demo catalog and schedule (--demo adds demo accounts)
  kinora routes              list the HTTP routes
  kinora embed   [--model DIR] TEXT...   print sentence embeddings as JSON
  kinora embed   --bench FILE            measure encoder throughput
  kinora help                this text

Options (flags > KINORA_* environment > defaults):
)";

void print_usage(std::ostream& out) {
  out << usage;
  for (const auto& d : kinora::app::documented_settings())
    out << "  " << d.flag << " (" << d.env << ", default " << d.fallback << ")\n      " << d.meaning
        << "\n";
}

}  // namespace

int main(int argc, char** argv) {
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

  std::vector<std::string> args;
  for (int i = 2; i < argc; ++i) args.emplace_back(argv[i]);
  if (command == "routes")
    args = {"--database-url",     "sqlite::memory:", "--no-demo", "--jwt-secret",
            std::string(32, 'x'), "--log-level",     "error"};

  auto loaded = kinora::app::load_config(args);
  if (!loaded.errors.empty()) {
    std::cerr << "kinora: invalid configuration:\n";
    for (const auto& e : loaded.errors) std::cerr << "  - " << e << "\n";
    std::cerr << "Run 'kinora help' for the options.\n";
    return 2;
  }
  try {
    kinora::app::application app(std::move(loaded.cfg));
    if (command == "serve") return app.serve();
    if (command == "migrate") return app.migrate();
    if (command == "seed") return app.seed();
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
