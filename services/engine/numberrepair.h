#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "migrationtypes.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

// Puts a number that a failed migration step may have left half-changed back to the voice
// settings saved before its migration, so that a number reported failed keeps its old
// settings (issue 3 §7). NumberMigrationTask uses it once a write failed for good, after the
// client's own retries:
//   read()    re-reads the live number: an error answer does not always say whether the write
//             happened (a 5xx, a dropped connection), the live state does;
//   restore() sends the update that brings the live number back to the journal's snapshot
//             (every saved field that differs, VoiceSettings::restoreUpdate), journalled and
//             audited as "restore_after_failure" like any other change.
// Both try a few rounds of the client's whole retry cycle: giving up leaves a number on the
// trunk with a changed voice URL, which is worth a few more seconds than an ordinary call.
class NumberRepair : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = false;            // the number has its saved settings now
        bool changed = false;       // an update was needed (and sent)
        IncomingPhoneNumber number; // the live number as last known
        OperationError error;       // why not, when !ok
    };
    using ReadThen = std::function<void(const TwilioResult<IncomingPhoneNumber> &)>;
    using RestoreThen = std::function<void(const Outcome &)>;

    // base: the number, phone number and trunk for the journal and the audit. fallbackPrior:
    // the settings this run read before changing anything, used only when the journal's
    // snapshot (the first one ever taken, so the true original) cannot be read.
    NumberRepair(const EngineContext &context, ChangeRecorder *recorder, const Change &base,
                 const QJsonObject &fallbackPrior, QObject *parent = nullptr);

    void read(const ReadThen &then);
    // live: the number as it is now (on its trunk).
    void restore(const IncomingPhoneNumber &live, const RestoreThen &then);

    static QString actionName(); // "restore_after_failure"
    static constexpr int Rounds = 3;

private:
    void readRound(int round, const ReadThen &then);
    void restoreRound(int round, const Change &change, const IncomingPhoneNumberUpdate &update,
                      const IncomingPhoneNumber &live, const RestoreThen &then);
    // Waits a little longer each round before the next one.
    void later(int round, const std::function<void()> &next);

    EngineContext m_context;
    ChangeRecorder *m_recorder;
    Change m_base;
    QJsonObject m_fallbackPrior;
};
