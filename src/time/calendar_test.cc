#include "time/calendar.h"

#include <gtest/gtest.h>
