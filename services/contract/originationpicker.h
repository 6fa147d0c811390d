#pragma once

#include "migrationtypes.h"

#include <QString>
#include <QStringList>
#include <QVector>

// Where calls from the PSTN went before the migration: the trunk's preferred origination URL.
// Twilio tries the lowest priority value first and shares load by weight within a priority, so
// the preferred URL is the enabled one with the lowest priority, then the highest weight.
class OriginationPicker
{
public:
    // The preferred enabled URL, or nullptr when none is enabled.
    static const OriginationInfo *preferred(const QVector<OriginationInfo> &urls);
    // "sip:pbx.example.net:5080;transport=tcp" -> "pbx.example.net:5080". The default port
    // 5060 of plain SIP is dropped; any other port (and 5060 over TLS, whose default is 5061)
    // is kept, because the handler must dial the PBX where it listens. Empty when the URL is
    // not a sip:/sips: URI.
    static QString hostOf(const QString &sipUrl);
    // The host names (no port) of the enabled URLs Twilio tries first (the lowest priority):
    // the ones that must all fail before a call moves on.
    static QStringList firstHosts(const QVector<OriginationInfo> &urls);
    // hostOf(preferred(urls)->sipUrl), or empty.
    static QString defaultPbxDomain(const QVector<OriginationInfo> &urls);
};
