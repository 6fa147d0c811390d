#pragma once

#include "webhooksignature.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

class SandboxContext;

// One call's TwiML, followed as Twilio follows it: the document fetched from the voice URL
// (a deployed Function, run by FunctionHost and signed as Twilio signs; any other URL is
// outside the sandbox and counts as a failed fetch, which falls back to the fallback URL),
// then <Dial> (<Number>, <Sip>) with each target answering as the sandbox's target table says
// (CallTargets: 200 by default), its `action` fetched with DialCallStatus and
// DialSipResponseCode, <Redirect>, <Reject>, <Say>, <Hangup>. Each dialled target becomes a
// child leg; every step is kept in route() for the SimulateCall answer and for verify.
class TwimlCall
{
public:
    TwimlCall(SandboxContext &context, const QJsonObject &parent);

    // Follows the call from `url` (POST) with Twilio's webhook parameters; `fallbackUrl` is
    // fetched when the first document cannot be. Returns false when no TwiML was ever fetched
    // (Twilio's "application error": the call fails).
    bool follow(const QUrl &url, const QUrl &fallbackUrl,
                const WebhookSignature::Parameters &parameters);

    QList<QJsonObject> childLegs() const { return m_children; }
    QJsonArray route() const { return m_route; }
    // completed, busy, failed or no-answer: what the parent leg ends as.
    QString parentStatus() const { return m_parentStatus; }

private:
    struct Fetched
    {
        bool ok = false;
        QString twiml;
        QString why;
    };
    Fetched fetch(const QUrl &url, const WebhookSignature::Parameters &parameters);
    // Runs one document; the next URL to fetch (a Dial action, a Redirect) or empty at the end,
    // with the parameters of that request in *next (the call's, plus the Dial's outcome).
    QUrl interpret(const QUrl &documentUrl, const QString &twiml,
                   const WebhookSignature::Parameters &call, WebhookSignature::Parameters *next);
    // Dials one <Number>/<Sip> target: the leg, and its DialCallStatus / SIP code.
    QPair<QString, int> dial(const QString &noun, const QString &target, const QString &callerId);

    SandboxContext &m_context;
    QJsonObject m_parent;
    QList<QJsonObject> m_children;
    QJsonArray m_route;
    QString m_parentStatus = QStringLiteral("completed");
};
