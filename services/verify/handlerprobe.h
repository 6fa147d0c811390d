#pragma once

#include "callroute.h"
#include "expectedroute.h"
#include "webhookclient.h"

#include <QObject>
#include <QPointer>

// Follows one synthetic PSTN call through a deployed /outboundHandler by signed requests, as
// Twilio would drive it: the voice URL, then each <Dial action> with DialCallStatus=failed and
// DialSipResponseCode=503 (every target fails, so every target and the end are seen), and the
// first action once more with 486 Busy Here (a busy callee must not fail over). Each request
// is independent: the handler keeps no state between them. Actions are followed only on the
// handler's own scheme, host and port: signed requests go nowhere else. Emits finished() once.
class HandlerProbe : public QObject
{
    Q_OBJECT
public:
    HandlerProbe(WebhookClient *client, QObject *parent = nullptr);

    void start(const QUrl &voiceUrl, const SyntheticCall &call, const QString &accountSid);

    static constexpr int MaxAttempts = 12; // a trunk has at most 10 enabled origination URLs

signals:
    void finished(const CallRoute &route);

private:
    void fetch(const QUrl &url, const WebhookSignature::Parameters &extra);
    void answered(const QUrl &url, const WebhookClient::Answer &answer, bool busyBranch);
    void finish();
    bool sameOrigin(const QUrl &url) const;

    WebhookClient *m_client;
    QUrl m_voiceUrl;
    WebhookSignature::Parameters m_call;
    CallRoute m_route;
    bool m_busyDone = false;
    bool m_chainDone = false;
};
