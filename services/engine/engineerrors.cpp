#include "engineerrors.h"

#include "operationerrors.h"

namespace EngineErrors {

OperationError fromTwilio(const TwilioError &error)
{
    return toOperationError(error);
}

OperationError local(const QString &message)
{
    return makeOperationError(message);
}

OperationError withContext(const OperationError &error, const QString &context)
{
    OperationError out = error;
    out.message = context + QStringLiteral(": ") + error.message;
    return out;
}

} // namespace EngineErrors
