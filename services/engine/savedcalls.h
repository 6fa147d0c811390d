#pragma once

#include "migrationtypes.h"
#include "routespec.h"
#include "voiceresources.h"

class AuditLog;
class Journal;

// What step 2 decided for the trunk's calls, kept in the journal for step 4 (which may run in
// another process, e.g. a later CLI command): the equivalence report it acted on, the fallback
// URL and what becomes of the numbers' own URLs, and the numbers the report gates.
struct SavedCalls
{
    QString trunkSid;
    EquivalenceReport report;
    QString fallbackUrl;
    QString fallbackMethod = QStringLiteral("POST"); // the DR URL's own method when it is that
    CallChoices::StaleUrl staleFallback = CallChoices::StaleUrl::Replace;
    CallChoices::StaleUrl staleStatusCallback = CallChoices::StaleUrl::Clear;
    bool callerIdLookup = false; // CNAM carried: the numbers look the caller's name up
    QStringList faxSids;
    QStringList emergencySids;
    bool emergencyOnDomain = false; // step 1 enabled emergency calling on the SIP domain
    RouteSpec route;                // what verify expects of the handlers (null: saved before it)
    // Not saved: the report items acknowledged for the run now (MigrationBackend).
    QStringList accepted;

    // Acknowledges moving numbers when no step 2 saved anything for the trunk (a voice URL of
    // the administrator's own, or a journal from before the report existed).
    static constexpr QLatin1String Unchecked{"calls-unchecked"};

    bool isNull() const { return trunkSid.isEmpty(); }

    // The fields `number` gets besides its new voice URL, sent in the same update; none when
    // step 2 saved nothing (a voice URL of the administrator's own).
    IncomingPhoneNumberUpdate numberUpdate(const IncomingPhoneNumber &number) const;
    // A fax number stays on the trunk unless "fax-numbers" is acknowledged (`calls` may be
    // null: nothing acknowledged). The plan and the run ask the same question.
    static bool leavesFax(const IncomingPhoneNumber &number, const SavedCalls *calls);
    // Empty when the selection may move with these acknowledgements, else why not (translated).
    // Fax numbers are not gated here but one by one, when each is read. Null settings need the
    // Unchecked acknowledgement.
    QString refusal(const QStringList &numberSids, const QStringList &accepted) const;

    static bool save(Journal &journal, const QString &accountSid, const SavedCalls &calls);
    // Null when step 2 saved nothing for the trunk.
    static SavedCalls load(Journal &journal, const QString &accountSid, const QString &trunkSid);
    // Before a migrate run: each acknowledged loss of the report goes to the audit log (who
    // accepted what, next to the changes it allowed) and `accepted` to the journal for the
    // run's resume. False with *error when either could not be written.
    bool recordAcceptance(Journal &journal, AuditLog &audit, const QString &accountSid,
                          const QString &runTrunkSid, QString *error) const;
    // The acknowledgements of the newest migrate run, so its resume (perhaps another process)
    // goes on under the same ones.
    static bool saveAccepted(Journal &journal, const QString &accountSid,
                             const QStringList &accepted);
    static QStringList loadAccepted(Journal &journal, const QString &accountSid);
    // Step 1 records whether the trunk's SIP domain has emergency calling, as Twilio answered.
    static bool saveEmergencyOnDomain(Journal &journal, const QString &accountSid,
                                      const QString &trunkSid, bool enabled);
};
