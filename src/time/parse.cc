#include "time/parse.h"
