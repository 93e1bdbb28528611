#include "time/parse.h"

#include <gtest/gtest.h>
