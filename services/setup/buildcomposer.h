#pragma once

#include <QJsonArray>
#include <QMap>
#include <QStringList>

// Chooses the Function Versions of a new build. A Twilio build replaces everything live in the
// environment, so deploying outboundHandler alone would take inboundHandler offline: the new
// build must carry the current version of every function of the service, not just the ones
// being deployed now.
class BuildComposer
{
public:
    // function SID -> version SID, read from a build's "function_versions" (full objects).
    // Entries without well-formed SIDs are ignored: they came from a broken answer.
    static QMap<QString, QString> versionsOf(const QJsonArray &functionVersions);

    // The versions of the new build: what is live, then versions we uploaded earlier for
    // functions that are not live (a deploy that failed after its upload), then the versions
    // deployed now, each later source overriding the earlier per function. Sorted by function
    // SID so the same inputs always give the same build.
    static QStringList compose(const QMap<QString, QString> &live,
                               const QMap<QString, QString> &uploadedEarlier,
                               const QMap<QString, QString> &deployedNow);
};
