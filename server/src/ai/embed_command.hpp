#pragma once

#include <iosfwd>

namespace kinora::ai {

// `kinora embed [--model DIR] [--threads N] [--batch N] TEXT...` prints the texts'
// embeddings as JSON; `kinora embed --bench FILE [--runs N] [--latency-text TEXT]`
// prints throughput (batches of 32) and single-sentence latency against the PyTorch
// reference. argv[0] is "embed". Returns the process exit code (0 ok, 1 failure,
// 2 usage error).
int run_embed_command(int argc, char** argv);
int run_embed_command(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace kinora::ai
