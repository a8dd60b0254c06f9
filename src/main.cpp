// The bidrag binary: everything lives in bidrag_core; this only hands over argv.
#include "cli/commands.h"

int main(int argc, char** argv) { return bidrag::cli::main(argc, argv); }
