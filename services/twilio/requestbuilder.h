#pragma once

#include "twiliocredentials.h"
#include "twiliorequest.h"

#include <QNetworkRequest>

class QHttpMultiPart;
class QObject;

// Turns a TwilioRequest into what QNetworkAccessManager sends: URL, headers, body.
class RequestBuilder
{
public:
    RequestBuilder(const TwilioCredentials &credentials, const TwilioHosts &hosts);

    QUrl url(const TwilioRequest &request) const;
    QNetworkRequest networkRequest(const TwilioRequest &request, const QUrl &url) const;
    QByteArray formBody(const TwilioRequest &request) const;
    // A fresh multipart body per attempt (a sent QHttpMultiPart cannot be sent again).
    QHttpMultiPart *multipartBody(const TwilioRequest &request, QObject *parent) const;

    static QByteArray userAgent();

private:
    QByteArray m_authorization; // "Basic ..." — kept here only, never logged
    TwilioHosts m_hosts;
};
