#pragma once

#include "migrationtypes.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

// One parsed and checked command line. Every value here has passed its syntax check (SIDs,
// E.164 numbers, URLs), so commands only have to resolve it against the account.
struct CliOptions
{
    QString command; // "trunks", "migrate", ...

    // Global: where to connect and how to report.
    bool sandbox = false;     // the embedded sandbox, living only as long as this process
    bool keepSandbox = false; // ... or the one kept between runs (implies sandbox)
    QUrl baseUrl;             // a standalone sandbox; credentials still come from the environment
    QString region;           // --region or TWILIO_REGION
    QString apiEdge;   // --edge / --api-edge or TWILIO_EDGE (setup-outbound: --api-edge only)
    QString statePath; // the journal; a default under the user's data folder when not given
    bool json = false;
    bool verbose = false;
    bool yes = false;       // confirmation given on the command line
    int concurrency = 0;    // 0 = the engine's default
    int settleSeconds = -1; // --settle; -1 = the engine's default
    int progressIntervalMs = 250;

    // Selection (numbers, plan, migrate, setup-*, delete-trunk).
    QString trunkSid;
    QStringList phoneNumbers; // E.164, duplicates removed, in the order given
    bool allNumbers = false;
    QUrl voiceUrl; // empty = the outbound handler deployed by setup-outbound

    // setup-inbound
    QString domainPrefix;
    QString friendlyName;
    std::optional<bool> secureMedia; // unset: the trunk's own `secure`

    // setup-outbound
    QString pbxDomain;
    std::optional<bool> secure; // unset: the trunk's own `secure`
    QString sipEdge;
    bool userToUser = false;
    QVector<QPair<QString, QString>> sipParameters;
    QString testNumber; // E.164
    QUrl handlerUrl;    // a self-hosted outboundHandler, for regions without Functions

    // How calls behave after the migration (setup-inbound, setup-outbound, equivalence), and
    // the report items acknowledged for migrate (--accept-change).
    CallChoices calls;
    QStringList acceptedChanges;

    // calls
    QString callTarget; // E.164 number or SIP domain name

    // audit
    QString csvPath;
};
