#pragma once
// `kinora eval`: MovieLens as a Kinora catalog and viewing history, a temporal
// hold-out per user, and For You (the real recommend_service) against popularity and
// random baselines.
namespace kinora::eval {

// argv[0] is "eval". Returns the process exit code: 0, 1 on a failed run (bad data,
// no model), 2 on bad arguments.
int run_eval_command(int argc, char** argv);

}  // namespace kinora::eval
