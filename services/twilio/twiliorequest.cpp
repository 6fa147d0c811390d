#include "twiliorequest.h"

TwilioRequest TwilioRequest::get(TwilioHosts::Product product, const QString &path,
                                 const FormFields &query)
{
    TwilioRequest request;
    request.product = product;
    request.path = path;
    request.query = query;
    return request;
}

TwilioRequest TwilioRequest::update(TwilioHosts::Product product, const QString &path,
                                    const FormFields &form)
{
    TwilioRequest request;
    request.method = Method::Post;
    request.product = product;
    request.path = path;
    request.form = form;
    request.kind = RetryPolicy::RequestKind::Update;
    return request;
}

TwilioRequest TwilioRequest::create(TwilioHosts::Product product, const QString &path,
                                    const FormFields &form)
{
    TwilioRequest request = update(product, path, form);
    request.kind = RetryPolicy::RequestKind::Create;
    return request;
}

TwilioRequest TwilioRequest::remove(TwilioHosts::Product product, const QString &path)
{
    TwilioRequest request;
    request.method = Method::Delete;
    request.product = product;
    request.path = path;
    request.kind = RetryPolicy::RequestKind::Delete;
    return request;
}

QString TwilioRequest::methodName() const
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Delete:
        return QStringLiteral("DELETE");
    }
    return {};
}
