#include "time/zone.h"

#include <gtest/gtest.h>
