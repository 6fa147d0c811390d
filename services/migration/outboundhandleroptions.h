#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// What the user chose in step 2 for the SIP URI the outbound handler dials. These values are
// baked into the generated handler; the PBX host itself is read at run time from PBX_DOMAIN.
struct OutboundHandlerOptions
{
    // Adds ";secure=true": TLS signalling and SRTP media towards the PBX.
    bool secure = false;
    // Twilio edge the SIP leg leaves from (";edge=sydney"); empty for Twilio's default.
    QString edge;
    // Sends the inbound Call SID as the User-to-User header so the PBX can correlate legs.
    bool passCallSidAsUserToUser = true;
    // Further URI parameters, in order; an empty value gives a bare ";name".
    QList<QPair<QString, QString>> sipParameters;

    // Empty when every option is acceptable, else one translated sentence saying what is not.
    QString check() const;

    // Twilio's edge locations (https://www.twilio.com/docs/global-infrastructure/edge-locations).
    static QStringList allowedEdges();
    // RFC 3261 token characters that may also stand unescaped in a URI parameter name.
    static bool isSipParameterName(const QString &name);

    // Limits that keep the dialled URI under Twilio's 255-character SIP URI limit.
    static constexpr int MaxParameters = 8;
    static constexpr int MaxParameterLength = 48;
    Q_DECLARE_TR_FUNCTIONS(OutboundHandlerOptions)
};
