#pragma once

#include <QRect>

// Where a window may go on a screen: a saved geometry from a larger screen, or a size computed
// from the font at 200 %, must not put the wizard's buttons out of reach.
namespace WindowFit {

// `wanted` shrunk to at most `available`'s size and moved so that it lies inside `available`
// (a screen's available geometry, without task bars). An empty `available` changes nothing.
QRect within(const QRect &wanted, const QRect &available);

} // namespace WindowFit
