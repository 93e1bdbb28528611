#include "time/period.h"

#include <gtest/gtest.h>
