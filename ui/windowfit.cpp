#include "windowfit.h"

#include <QtGlobal>

namespace WindowFit {

QRect within(const QRect &wanted, const QRect &available)
{
    if (available.isEmpty() || !wanted.isValid())
        return wanted;
    QRect result(wanted.topLeft(), wanted.size().boundedTo(available.size()));
    // Keep the top left corner (the title bar) on the screen first, then the rest.
    result.moveLeft(
        qBound(available.left(), result.left(), available.right() - result.width() + 1));
    result.moveTop(qBound(available.top(), result.top(), available.bottom() - result.height() + 1));
    return result;
}

} // namespace WindowFit
