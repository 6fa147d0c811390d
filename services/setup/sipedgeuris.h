#pragma once

#include <QString>
#include <QStringList>

// The addresses a PBX can send its calls to for one SIP domain: the global URI and one per
// Twilio edge location (https://www.twilio.com/docs/global-infrastructure/localized-uris/
// sip-uris: "{example}.sip.{edge}.twilio.com"). Sending to the nearest edge keeps the
// signalling and media inside the region.
class SipEdgeUris
{
public:
    // The public edge locations, in the order of Twilio's list.
    static QStringList edges();
    // "acme.sip.twilio.com" -> "acme.sip.sydney.twilio.com"; empty for any other form.
    static QString edgeHost(const QString &domainName, const QString &edge);
    // "sip:<domain>" followed by "sip:<prefix>.sip.<edge>.twilio.com" for every edge.
    static QStringList uris(const QString &domainName);
    // "acme-pbx" -> "acme-pbx.sip.twilio.com"
    static QString domainName(const QString &prefix);
    // Empty when prefix can name a SIP domain (letters, digits and '-', 1-63 characters, not
    // starting or ending with '-'), else one translated sentence.
    static QString checkPrefix(const QString &prefix);
};
