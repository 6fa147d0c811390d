#pragma once

#include <QString>
#include <QUrl>

// Who the client authenticates as. With apiKeySid empty the pair is Account SID + Auth Token;
// otherwise API Key SID + Secret, and accountSid still names the account in v2010 paths
// (Twilio requires an AC SID there even when a key logs in).
//
// There is deliberately no QDebug operator: the secret must never reach a log line.
struct TwilioCredentials
{
    QString accountSid;
    QString apiKeySid;
    QString secret;

    QString username() const { return apiKeySid.isEmpty() ? accountSid : apiKeySid; }
};

// Where requests go. region/edge follow twilio-node (api.sydney.au1.twilio.com style);
// baseUrlOverride, when valid, sends every product to one base URL (the sandbox).
struct TwilioEndpoint
{
    QString region;
    QString edge;
    QUrl baseUrlOverride;
};
