#include "twilioerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

namespace {

// Error bodies are small; anything bigger is not Twilio's JSON and is not worth parsing.
constexpr int MaxErrorBodyBytes = 64 * 1024;
constexpr int MaxMessageChars = 500;

int intField(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return (number >= 0 && number < 1e9) ? static_cast<int>(number) : 0;
    }
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().toInt(&ok);
        return ok && number >= 0 ? number : 0;
    }
    return 0;
}

// Keeps only printable text so a hostile body cannot inject control sequences into a log or
// a dialog.
QString sanitize(const QString &text)
{
    QString out;
    out.reserve(qMin(text.size(), MaxMessageChars));
    for (const QChar c : text) {
        if (out.size() >= MaxMessageChars) {
            out += QChar(0x2026);
            break;
        }
        out += c.isPrint() ? c : QChar(u' ');
    }
    return out.simplified();
}

} // namespace

TwilioError TwilioError::make(Kind kind, const QString &message)
{
    TwilioError error;
    error.kind = kind;
    error.message = message;
    return error;
}

TwilioError TwilioError::fromHttp(int httpStatus, const QByteArray &body, const QString &requestId)
{
    TwilioError error;
    error.kind = Kind::Api;
    error.httpStatus = httpStatus;
    error.requestId = sanitize(requestId).left(64);
    QJsonParseError parseError{};
    const QJsonDocument doc = body.size() <= MaxErrorBodyBytes
                                  ? QJsonDocument::fromJson(body, &parseError)
                                  : QJsonDocument();
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        error.code = intField(object.value(QLatin1String("code")));
        error.message = sanitize(object.value(QLatin1String("message")).toString());
        const QUrl info(object.value(QLatin1String("more_info")).toString(), QUrl::StrictMode);
        // Only a web link is worth showing as "more information".
        if (info.isValid() &&
            (info.scheme() == QLatin1String("https") || info.scheme() == QLatin1String("http")))
            error.moreInfo = info.toString().left(300);
    }
    if (error.message.isEmpty()) {
        error.message =
            doc.isObject() ? tr("Twilio answered HTTP %1 without an error message.").arg(httpStatus)
                           : tr("The server answered HTTP %1 with a body that is not Twilio's "
                                "error format (%2 bytes).")
                                 .arg(httpStatus)
                                 .arg(body.size());
    }
    return error;
}

bool TwilioError::isRetryable() const
{
    switch (kind) {
    case Kind::Timeout:
        return true;
    case Kind::Api:
        // 500 included: for reads and idempotent writes a second try is harmless, and a create
        // is only re-sent after a look-up (RetryPolicy).
        return httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503 ||
               httpStatus == 504 || code == 20429;
    case Kind::Network:
        // A connection that broke on the way; a refused or unresolvable host will not heal by
        // itself within a few seconds, so retrying it only delays the error.
        return networkError == QNetworkReply::RemoteHostClosedError ||
               networkError == QNetworkReply::TemporaryNetworkFailureError ||
               networkError == QNetworkReply::NetworkSessionFailedError ||
               networkError == QNetworkReply::ProxyConnectionClosedError ||
               networkError == QNetworkReply::UnknownNetworkError;
    case Kind::None:
    case Kind::Cancelled:
    case Kind::InsecureUrl:
    case Kind::InvalidInput:
    case Kind::BadResponse:
        return false;
    }
    return false;
}

QString TwilioError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Api:
        return QStringLiteral("api");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::InsecureUrl:
        return QStringLiteral("insecure-url");
    case Kind::InvalidInput:
        return QStringLiteral("invalid-input");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    }
    return {};
}

QString TwilioError::toDisplayString() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Api:
        if (httpStatus == 401 || code == 20003)
            text = tr("Twilio did not accept the credentials (HTTP 401, error %1). Check the "
                      "Account SID and the Auth Token or API key.")
                       .arg(code ? code : 20003);
        else if (httpStatus == 429 || code == 20429)
            text = tr("Twilio is busy: too many requests at once (HTTP 429, error %1).")
                       .arg(code ? code : 20429);
        else if (code != 0)
            text = tr("Twilio refused the request (HTTP %1, error %2): %3")
                       .arg(httpStatus)
                       .arg(code)
                       .arg(message);
        else
            text = tr("Twilio refused the request (HTTP %1): %2").arg(httpStatus).arg(message);
        break;
    case Kind::Network:
        text = tr("Could not reach Twilio: %1").arg(message);
        break;
    case Kind::Timeout:
        text = tr("Twilio did not answer in time: %1").arg(message);
        break;
    case Kind::Cancelled:
        text = tr("The request was cancelled.");
        break;
    case Kind::InsecureUrl:
    case Kind::InvalidInput:
    case Kind::BadResponse:
        text = message;
        break;
    }
    if (!moreInfo.isEmpty())
        text += QLatin1Char(' ') + tr("More information: %1").arg(moreInfo);
    if (!requestId.isEmpty())
        text += QLatin1Char(' ') + tr("(Twilio request %1)").arg(requestId);
    return text;
}
