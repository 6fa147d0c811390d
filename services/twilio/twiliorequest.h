#pragma once

#include "retrypolicy.h"
#include "twilioerror.h"
#include "twiliohosts.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

// One part of a multipart/form-data body (Serverless version uploads).
struct MultipartField
{
    QString name;
    QString fileName;    // set for file parts
    QString contentType; // set for file parts
    QByteArray data;
};

// What to send, independent of credentials and hosts (the transport adds those).
struct TwilioRequest
{
    enum class Method { Get, Post, Delete };

    Method method = Method::Get;
    TwilioHosts::Product product = TwilioHosts::Product::Api;
    QString path; // e.g. "/v1/Trunks", appended to the product's base URL
    FormFields query;
    QUrl absoluteUrl;                // when valid, used instead of path + query (next pages)
    FormFields form;                 // POST body, form-encoded
    QList<MultipartField> multipart; // POST body as multipart/form-data instead of form
    RetryPolicy::RequestKind kind = RetryPolicy::RequestKind::Read;

    static TwilioRequest get(TwilioHosts::Product product, const QString &path,
                             const FormFields &query = {});
    static TwilioRequest update(TwilioHosts::Product product, const QString &path,
                                const FormFields &form);
    static TwilioRequest create(TwilioHosts::Product product, const QString &path,
                                const FormFields &form);
    static TwilioRequest remove(TwilioHosts::Product product, const QString &path);
    QString methodName() const;
};

// A finished exchange: either error.kind != None, or a JSON answer (null for 204).
struct TwilioResponse
{
    int httpStatus = 0;
    QJsonValue json;
    QString requestId;
    int serverConcurrency = -1; // Twilio-Concurrent-Requests, -1 when absent
    int retryAfterSeconds = -1;
    TwilioError error;
    QList<TwilioAttempt> earlierAttempts; // sent again after these, oldest first
};
