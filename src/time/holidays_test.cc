#include "time/holidays.h"

#include <gtest/gtest.h>
