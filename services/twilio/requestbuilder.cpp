#include "requestbuilder.h"

#include "formencoder.h"

#include <QHttpMultiPart>
#include <QSysInfo>

#ifndef TM_VERSION
#define TM_VERSION "0"
#endif

RequestBuilder::RequestBuilder(const TwilioCredentials &credentials, const TwilioHosts &hosts)
    : m_hosts(hosts)
{
    const QByteArray pair = credentials.username().toUtf8() + ':' + credentials.secret.toUtf8();
    m_authorization = "Basic " + pair.toBase64();
}

QByteArray RequestBuilder::userAgent()
{
    return QByteArrayLiteral("trunk-migrator/" TM_VERSION " (Qt ") + qVersion() + "; " +
           QSysInfo::kernelType().toLatin1() + ')';
}

QUrl RequestBuilder::url(const TwilioRequest &request) const
{
    if (request.absoluteUrl.isValid())
        return request.absoluteUrl;
    return m_hosts.url(request.product, request.path, request.query);
}

QNetworkRequest RequestBuilder::networkRequest(const TwilioRequest &request, const QUrl &url) const
{
    QNetworkRequest out(url);
    out.setRawHeader("Authorization", m_authorization);
    if (request.method != TwilioRequest::Method::Delete)
        out.setRawHeader("Accept", "application/json");
    out.setRawHeader("Accept-Charset", "utf-8");
    out.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // A redirect could carry the Authorization header elsewhere; Twilio never redirects API
    // calls, so any 3xx is reported as it is.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    if (request.method == TwilioRequest::Method::Post && request.multipart.isEmpty())
        out.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    return out;
}

QByteArray RequestBuilder::formBody(const TwilioRequest &request) const
{
    return FormEncoder::encode(request.form);
}

QHttpMultiPart *RequestBuilder::multipartBody(const TwilioRequest &request, QObject *parent) const
{
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType, parent);
    for (const MultipartField &field : request.multipart) {
        QHttpPart part;
        // Field names and file names come from our own code (paths such as "/inbound"), but
        // quotes would still break the header, so they are escaped.
        QByteArray disposition =
            "form-data; name=\"" + field.name.toUtf8().replace('"', "%22") + '"';
        if (!field.fileName.isEmpty())
            disposition += "; filename=\"" + field.fileName.toUtf8().replace('"', "%22") + '"';
        part.setRawHeader("Content-Disposition", disposition);
        if (!field.contentType.isEmpty())
            part.setRawHeader("Content-Type", field.contentType.toLatin1());
        part.setBody(field.data);
        multi->append(part);
    }
    return multi;
}
