#include "restoperation.h"

#include "validation.h"

RestOperation RestOperation::fetch(TwilioHosts::Product product, const QString &path,
                                   const FormFields &query)
{
    RestOperation operation;
    operation.request = TwilioRequest::get(product, path, query);
    return operation;
}

RestOperation RestOperation::list(TwilioHosts::Product product, const QString &path,
                                  const QString &listKey, const FormFields &query)
{
    RestOperation operation = fetch(product, path, query);
    operation.listKey = listKey;
    return operation;
}

RestOperation RestOperation::update(TwilioHosts::Product product, const QString &path,
                                    const FormFields &form)
{
    RestOperation operation;
    operation.request = TwilioRequest::update(product, path, form);
    return operation;
}

RestOperation RestOperation::create(TwilioHosts::Product product, const QString &path,
                                    const FormFields &form, std::optional<CreateLookup> lookup)
{
    RestOperation operation;
    operation.request = TwilioRequest::create(product, path, form);
    operation.expectedStatus = 201;
    operation.lookup = std::move(lookup);
    return operation;
}

RestOperation RestOperation::remove(TwilioHosts::Product product, const QString &path)
{
    RestOperation operation;
    operation.request = TwilioRequest::remove(product, path);
    operation.expectedStatus = 204;
    return operation;
}

RestOperation &RestOperation::checkSids(std::initializer_list<SidArgument> sids)
{
    for (const SidArgument &sid : sids) {
        if (problem.isError())
            break;
        problem = checkSid(sid);
    }
    return *this;
}

RestOperation &RestOperation::check(const QString &message)
{
    if (!problem.isError() && !message.isEmpty())
        problem = invalidInput(message);
    return *this;
}

TwilioError RestOperation::invalidInput(const QString &message)
{
    return TwilioError::make(TwilioError::Kind::InvalidInput, message);
}

TwilioError RestOperation::checkSid(const SidArgument &sid)
{
    const QString problem = Validation::checkSid(
        sid.value, sid.prefix, QCoreApplication::translate("TwilioClient", sid.what));
    return problem.isEmpty() ? TwilioError() : invalidInput(problem);
}

QString RestOperation::accountPath(const QString &accountSid, const QString &suffix)
{
    return QStringLiteral("/2010-04-01/Accounts/") + accountSid + suffix;
}
