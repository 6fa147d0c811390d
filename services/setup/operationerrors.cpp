#include "operationerrors.h"

#include <QCoreApplication>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OperationErrors)
};
} // namespace

OperationError toOperationError(const TwilioError &error)
{
    OperationError result;
    if (!error.isError())
        return result;
    result.httpStatus = error.kind == TwilioError::Kind::Api ? error.httpStatus : 0;
    result.twilioCode = error.code;
    result.requestId = error.requestId;
    if (!error.moreInfo.isEmpty())
        result.moreInfo = QUrl(error.moreInfo);
    else if (error.code > 0 && error.code != error.httpStatus)
        // Twilio documents every numbered error at this address; a generic body whose code is
        // just the HTTP status has no page.
        result.moreInfo =
            QUrl(QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(error.code));
    // The display text without the link and request id: those have fields of their own.
    TwilioError bare = error;
    bare.moreInfo.clear();
    bare.requestId.clear();
    result.message = bare.toDisplayString();
    if (result.message.isEmpty())
        result.message = Tr::tr("The request failed for an unknown reason.");
    return result;
}

OperationError toOperationError(const QString &what, const TwilioError &error)
{
    OperationError result = toOperationError(error);
    if (!what.isEmpty() && error.isError())
        result.message = Tr::tr("%1 failed: %2").arg(what, result.message);
    return result;
}

OperationError makeOperationError(const QString &message)
{
    OperationError result;
    result.message = message;
    return result;
}
