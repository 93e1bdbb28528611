#include "time/period.h"
