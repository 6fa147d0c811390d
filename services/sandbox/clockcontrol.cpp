#include "clockcontrol.h"

#include "formparams.h"
#include "sandboxcontext.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ClockControl {

SandboxResponse handle(SandboxContext &context, const SandboxRequest &request)
{
    if (request.method == "POST") {
        const FormParams form = FormParams::parse(request.body);
        bool ok = false;
        const qint64 advance = form.value(QStringLiteral("advance_ms")).toLongLong(&ok);
        constexpr qint64 year = 366LL * 24 * 3600 * 1000;
        if (!ok || advance < 0 || advance > year)
            return SandboxResponse::invalidParameter(QCoreApplication::translate(
                "ClockControl", "advance_ms must be a whole number of milliseconds from 0 to "
                                "31622400000 (one year)."));
        context.clockOffsetMs += advance;
    } else if (request.method != "GET") {
        return SandboxResponse::error(405, 20004, QStringLiteral("Method not allowed"));
    }
    return SandboxResponse::json(
        200, QJsonObject{{QStringLiteral("now"), context.now()},
                         {QStringLiteral("offset_ms"), double(context.clockOffsetMs)}});
}

} // namespace ClockControl
