#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

// The one error type of the client. Kind says which family it belongs to, so callers can tell
// a refusal by Twilio (Api) from a broken connection (Network) or a slow one (Timeout).
struct TwilioError
{
    enum class Kind {
        None,         // success
        Api,          // Twilio answered with an HTTP error (see httpStatus / code)
        Network,      // the connection failed or was dropped (networkError says how)
        Timeout,      // no complete answer within the per-request timeout
        Cancelled,    // cancelled by the caller (cancel() / cancelAll())
        InsecureUrl,  // plain http to a non-loopback host; nothing was sent
        InvalidInput, // a malformed argument (SID, URL...); nothing was sent
        BadResponse,  // an answer we cannot use (not JSON, wrong shape, endless paging)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    int code = 0; // Twilio error code, e.g. 20404
    QString message;
    QString moreInfo;
    QString requestId;                 // Twilio-Request-Id header of the failing answer
    int networkError = 0;              // QNetworkReply::NetworkError for Kind::Network
    bool mayHaveBeenProcessed = false; // the request reached the server before it failed

    bool isError() const { return kind != Kind::None; }
    // 429, 500, 502, 503, 504, timeouts and dropped connections; never 4xx refusals.
    bool isRetryable() const;
    // One or two sentences for an administrator, with the Twilio code and request id.
    QString toDisplayString() const;

    static TwilioError make(Kind kind, const QString &message);
    // Builds an Api (or BadResponse) error from an HTTP error answer. The body may be anything:
    // Twilio's JSON, an HTML page from a proxy, garbage; only a bounded prefix is looked at.
    static TwilioError fromHttp(int httpStatus, const QByteArray &body, const QString &requestId);
    static QString kindName(Kind kind);
    Q_DECLARE_TR_FUNCTIONS(TwilioError)
};

// One attempt of a request that was sent again after it: what it got, for the audit log
// (every attempt that reached the network has a row, retried ones included).
struct TwilioAttempt
{
    int httpStatus = 0; // 0 when no answer came (dropped, timed out, stalled)
    int code = 0;
    QString requestId;
    QString what; // e.g. "timeout", "network", "api"
};
