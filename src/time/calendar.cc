#include "time/calendar.h"
