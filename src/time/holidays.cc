#include "time/holidays.h"
