#include "time/zone.h"
