#pragma once

#include "callequivalence.h"
#include "handlerprovisioner.h"
#include "migrationtypes.h"
#include "setuprun.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QObject>

#include <optional>

class AuditLog;
class Journal;
class TwilioClient;

// Step 2, calls from the PSTN to the PBX: deploys /outboundHandler with PBX_DOMAIN (by default
// the host of the trunk's preferred origination URL) and moves the chosen test number onto it.
//
// A number on a trunk ignores its voice URL (trunk_sid wins), so a test call reaches the
// handler only once the number is off the trunk. The test number is therefore migrated fully,
// in the same safe order as step 4: its voice settings are snapshotted in the journal, then
// its VoiceUrl is set, and only then is it removed from the trunk. The journal steps
// (set_voice_url, remove_from_trunk) mark it migrated, so step 4 skips it and can revert it.
//
// Emits exactly one of finished() or failed() per start().
class OutboundSetup : public QObject
{
    Q_OBJECT
public:
    OutboundSetup(TwilioClient *client, Journal *journal, AuditLog *audit,
                  const QString &accountSid, QObject *parent = nullptr);

    void setExportDirectory(const QString &directory);
    void setBuildTiming(int pollIntervalMs, int timeoutMs);

    // Empty when the step can run with these inputs, else one translated sentence.
    static QString check(const OutboundOptions &options, const TrunkSummary &trunk);
    // options.pbxDomain, or the host of the trunk's preferred origination URL.
    // How the trunk's calls are carried with these options (the PBX domain, when typed,
    // replaces the origination table).
    static CallEquivalence equivalenceFor(const OutboundOptions &options,
                                          const TrunkSummary &trunk);
    static QString pbxDomainFor(const OutboundOptions &options, const TrunkSummary &trunk);

    void start(const OutboundOptions &options, const TrunkSummary &trunk);
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    void finished(const OutboundResult &result);
    void failed(const OperationError &error);

private:
    void fetchTestNumber();
    void provision();
    void provisioned(const HandlerOutcome &outcome);
    void setVoiceUrl();
    void removeFromTrunk();
    void clearTrunkSid();
    // Records and sends one update of the test number; on success goes on with `next`,
    // otherwise fails the set-up with `failure` as what was being done.
    void updateNumber(SetupChange change, const IncomingPhoneNumberUpdate &update,
                      const QString &failure, void (OutboundSetup::*next)());
    // Keeps a tracked call for cancel(), or fails when its journal intent could not be written.
    void keep(const std::optional<TwilioHandle> &call);
    void complete();
    bool snapshot();
    void failWith(const OperationError &error);

    SetupRun m_run;
    Journal *m_journal;
    TwilioClient *m_client;
    HandlerProvisioner *m_provisioner;
    OutboundOptions m_options;
    TrunkSummary m_trunk;
    QString m_pbxDomain;
    IncomingPhoneNumber m_number;
    HandlerOutcome m_handler;
    OutboundResult m_result;
    TwilioHandle m_call;
    bool m_running = false;
};
