#include "time/instant.h"
