#include "handlerprobe.h"

#include "twimlreader.h"

HandlerProbe::HandlerProbe(WebhookClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

bool HandlerProbe::sameOrigin(const QUrl &url) const
{
    return url.scheme() == m_voiceUrl.scheme() && url.host() == m_voiceUrl.host() &&
           url.port() == m_voiceUrl.port();
}

void HandlerProbe::start(const QUrl &voiceUrl, const SyntheticCall &call, const QString &accountSid)
{
    m_voiceUrl = voiceUrl;
    m_call = {{QStringLiteral("AccountSid"), accountSid},
              {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
              {QStringLiteral("CallSid"), call.callSid},
              {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
              {QStringLiteral("Called"), call.number},
              {QStringLiteral("Caller"), call.from},
              {QStringLiteral("Direction"), QStringLiteral("inbound")},
              {QStringLiteral("From"), call.from},
              {QStringLiteral("To"), call.number}};
    if (!call.callerName.isEmpty())
        m_call.append({QStringLiteral("CallerName"), call.callerName});
    m_busyDone = true; // until a first <Dial action> gives a branch to try
    m_client->post(voiceUrl, m_call, this, [this, voiceUrl](const WebhookClient::Answer &answer) {
        answered(voiceUrl, answer, false);
    });
}

void HandlerProbe::fetch(const QUrl &url, const WebhookSignature::Parameters &extra)
{
    const bool busy = extra.contains({QStringLiteral("DialCallStatus"), QStringLiteral("busy")});
    m_client->post(url, m_call + extra, this,
                   [this, url, busy](const WebhookClient::Answer &a) { answered(url, a, busy); });
}

void HandlerProbe::answered(const QUrl &url, const WebhookClient::Answer &answer, bool busyBranch)
{
    TwimlAnswer twiml;
    m_route.unreachable = m_route.unreachable || answer.status == 0;
    if (!answer.error.isEmpty())
        twiml.end = {CallEnd::Kind::Error, answer.error};
    else
        twiml = TwimlReader::read(answer.body, url);
    // Twilio follows an action anywhere; verify signs requests for the deployed handler only.
    if (twiml.dial && !twiml.dial->action.isEmpty() && !sameOrigin(QUrl(twiml.dial->action))) {
        twiml.end = {CallEnd::Kind::Error, tr("the handler sends the call on to %1, not followed")
                                               .arg(QUrl(twiml.dial->action).toDisplayString())};
        twiml.dial->action.clear();
    }
    if (busyBranch) {
        m_route.onBusy = twiml.dial ? CallEnd{CallEnd::Kind::Error,
                                              tr("fails over to %1").arg(twiml.dial->sip.hostPort)}
                                    : twiml.end;
        m_busyDone = true;
        return finish();
    }
    if (!twiml.dial || twiml.dial->action.isEmpty()) {
        if (twiml.dial)
            m_route.attempts.append(*twiml.dial); // a last <Dial> that reports nothing back
        m_route.exhausted = twiml.end;
        if (m_route.attempts.isEmpty())
            m_route.onBusy = twiml.end;
        m_chainDone = true;
        return finish();
    }
    m_route.attempts.append(*twiml.dial);
    const QUrl action(twiml.dial->action);
    if (m_route.attempts.size() == 1) {
        m_busyDone = false;
        fetch(action, {{QStringLiteral("DialCallStatus"), QStringLiteral("busy")},
                       {QStringLiteral("DialSipResponseCode"), QStringLiteral("486")}});
    }
    if (m_route.attempts.size() >= MaxAttempts) {
        m_route.exhausted = {CallEnd::Kind::Error,
                             tr("still dialling after %n target(s)", nullptr, MaxAttempts)};
        m_chainDone = true;
        return finish();
    }
    fetch(action, {{QStringLiteral("DialCallStatus"), QStringLiteral("failed")},
                   {QStringLiteral("DialSipResponseCode"), QStringLiteral("503")}});
}

void HandlerProbe::finish()
{
    if (m_busyDone && m_chainDone)
        emit finished(m_route);
}
