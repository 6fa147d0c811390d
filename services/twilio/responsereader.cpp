#include "responsereader.h"

#include "retrypolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResponseReader)
};
} // namespace

namespace {

void readHeaders(QNetworkReply *reply, TwilioResponse &response)
{
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.requestId = QString::fromLatin1(reply->rawHeader("Twilio-Request-Id").left(64));
    bool ok = false;
    const int concurrency = reply->rawHeader("Twilio-Concurrent-Requests").trimmed().toInt(&ok);
    response.serverConcurrency = ok && concurrency >= 0 ? concurrency : -1;
    response.retryAfterSeconds = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
}

// An answer our own timers or caps cut short: the request was sent, so it may have been
// processed (a write must be checked, never blindly repeated).
TwilioResponse aborted(QNetworkReply *reply, TwilioError::Kind kind, const QString &message)
{
    TwilioResponse response;
    if (reply)
        readHeaders(reply, response);
    response.error = TwilioError::make(kind, message);
    response.error.mayHaveBeenProcessed = true;
    return response;
}

} // namespace

namespace ResponseReader {

TwilioResponse read(QNetworkReply *reply)
{
    TwilioResponse response;
    readHeaders(reply, response);
    const QNetworkReply::NetworkError netError = reply->error();
    // Codes below 200 are transport failures (refused, closed early, a body shorter than its
    // Content-Length...): whatever status line came first, the answer is not whole.
    const bool transportFailure = netError != QNetworkReply::NoError && int(netError) < 200;
    if (transportFailure || (response.httpStatus == 0 && netError != QNetworkReply::NoError)) {
        response.error = TwilioError::make(TwilioError::Kind::Network, reply->errorString());
        response.error.networkError = netError;
        // Refused and unresolved connections never reached the server.
        response.error.mayHaveBeenProcessed = netError != QNetworkReply::ConnectionRefusedError &&
                                              netError != QNetworkReply::HostNotFoundError;
        return response;
    }
    // The transport aborts anything past its cap while streaming (tooLarge()).
    const QByteArray body = reply->readAll();
    if (response.httpStatus < 200 || response.httpStatus >= 300) {
        response.error = TwilioError::fromHttp(response.httpStatus, body, response.requestId);
        response.error.mayHaveBeenProcessed = response.httpStatus >= 500;
        return response;
    }
    if (response.httpStatus == 204 || body.trimmed().isEmpty()) {
        if (response.httpStatus != 204)
            response.error = TwilioError::make(
                TwilioError::Kind::BadResponse,
                Tr::tr("Twilio answered HTTP %1 with an empty body.").arg(response.httpStatus));
        return response;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        response.error =
            TwilioError::make(TwilioError::Kind::BadResponse,
                              Tr::tr("Twilio's answer (HTTP %1, %2 bytes) is not a JSON object.")
                                  .arg(response.httpStatus)
                                  .arg(body.size()));
        response.error.httpStatus = response.httpStatus;
        response.error.requestId = response.requestId;
        // It did succeed on the server; a create must not be blindly repeated.
        response.error.mayHaveBeenProcessed = true;
        return response;
    }
    response.json = doc.object();
    return response;
}

TwilioResponse timedOut(QNetworkReply *reply, int timeoutMs)
{
    return aborted(
        reply, TwilioError::Kind::Timeout,
        Tr::tr("no complete answer within %1 seconds.").arg(timeoutMs / 1000.0, 0, 'f', 1));
}

TwilioResponse stalled(QNetworkReply *reply, int stallMs)
{
    const QString seconds = QString::number(stallMs / 1000.0, 'f', 1);
    // Qt 6.4 caps neither the size nor the count of response headers and signals nothing while
    // it reads them, so an endless header ends here: the stall timer is what bounds it.
    if (!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return aborted(
            reply, TwilioError::Kind::Timeout,
            Tr::tr("no complete status line and headers within %1 seconds.").arg(seconds));
    return aborted(reply, TwilioError::Kind::Timeout,
                   Tr::tr("the answer stalled: no data for %1 seconds.").arg(seconds));
}

TwilioResponse tooLarge(QNetworkReply *reply, qint64 capBytes)
{
    TwilioResponse response = aborted(
        reply, TwilioError::Kind::BadResponse,
        Tr::tr("the answer was larger than the %1 MiB this client accepts, so it was cut off.")
            .arg(double(capBytes) / (1024 * 1024), 0, 'f', 1));
    response.error.httpStatus = response.httpStatus;
    response.error.requestId = response.requestId;
    return response;
}

} // namespace ResponseReader
