#include "cli/app.h"

int main(int argc, char** argv) { return meetlat::cli::run(argc, argv); }
