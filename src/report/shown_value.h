// How many decimals a value is shown with: the unit's usual ones (a ratio in percent with 2, days
// and weeks with 1, milliseconds and counts with none), or more where rounding would carry the
// value across its norm. 99.9497% beside ">= 99.95%" reads "99.9497%", never "99.95%": a reader
// must see the side of the norm the engine decided on. Every printer of a value against its norm
// (the terminal table, the HTML report, the spreadsheet's number format) takes its decimals here.
#pragma once

#include "contract/norm.h"

namespace meetlat::report {

// `value` in the objective's own unit (a ratio as a fraction, 0.9995); the decimals are those of
// the unit it is shown in (percent for a ratio). At most 9.
int shown_decimals(contract::Unit unit, double value, const contract::Norm& norm);

}  // namespace meetlat::report
