#include "engineerrors.h"

namespace EngineErrors {

OperationError fromTwilio(const TwilioError &error)
{
    OperationError out;
    out.httpStatus = error.httpStatus;
    out.twilioCode = error.code;
    out.message = error.toDisplayString();
    if (!error.moreInfo.isEmpty())
        out.moreInfo = QUrl(error.moreInfo);
    else if (error.code > 0)
        out.moreInfo =
            QUrl(QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(error.code));
    out.requestId = error.requestId;
    return out;
}

OperationError local(const QString &message)
{
    OperationError out;
    out.message = message;
    return out;
}

OperationError withContext(const OperationError &error, const QString &context)
{
    OperationError out = error;
    out.message = context + QStringLiteral(": ") + error.message;
    return out;
}

} // namespace EngineErrors
