#pragma once

#include "changerecorder.h"
#include "twilioresult.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AuditLog;
class Journal;

// One change a set-up step makes, as the journal and the audit log describe it.
struct SetupChange
{
    SetupChange() = default;
    SetupChange(QString action, QString detail, QString before = {}, QString after = {})
        : action(std::move(action))
        , detail(std::move(detail))
        , before(std::move(before))
        , after(std::move(after))
    {}

    QString action; // e.g. create_sip_domain, upload_function_version
    QString detail; // what the call will do (SIDs, names, URLs; never a secret)
    QString before;
    QString after;
    QString numberSid;   // for changes to a phone number
    QString phoneNumber; // E.164, with numberSid
};

// A set-up step's journal run (steps 1-3, Functions deployment) and the calls it tracks. Each
// call is recorded by the one ChangeRecorder step 4 uses as well: the intent and its "pending"
// audit row before the call, the result, the completed row and the retried attempts after it
// (callResultOf). A call whose intent cannot be recorded must not be sent: intent() returns 0
// and the caller stops.
class SetupRun
{
    Q_DECLARE_TR_FUNCTIONS(SetupRun)

public:
    SetupRun(Journal *journal, AuditLog *audit, const QString &accountSid);

    // Starts a journal run of this kind ("setup-inbound"...); false with errorString() set.
    bool beginRun(const QString &trunkSid, const QString &kind);
    // Records into a run somebody else started (a deployer inside a set-up run).
    void joinRun(qint64 runId, const QString &trunkSid);
    // Closes the run if beginRun() opened it; status: finished, failed or cancelled.
    void finishRun(const QString &status);
    qint64 runId() const { return m_runId; }

    qint64 intent(const SetupChange &change);
    // error unset = success. reply: the answer's HTTP status and request id, for the audit.
    void result(qint64 stepId, const SetupChange &change, const TwilioError &error,
                const TwilioReplyInfo &reply = {});

    // intent(), then the request, then result() once the answer is in, then `then`. nullopt
    // (and nothing sent) when the intent could not be recorded.
    template<class T>
    std::optional<TwilioHandle> track(const SetupChange &change,
                                      const std::function<TwilioHandle(TwilioCallback<T>)> &request,
                                      TwilioCallback<T> then);

    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value);

    QString accountSid() const { return m_accountSid; }
    QString errorString() const { return m_error; }

private:
    Change changeOf(const SetupChange &change) const;

    Journal *m_journal;
    AuditLog *m_audit;
    QString m_accountSid;
    QString m_trunkSid;
    QString m_error;
    qint64 m_runId = 0;
    bool m_ownsRun = false;
    std::unique_ptr<ChangeRecorder> m_changes; // of m_runId
};

template<class T>
std::optional<TwilioHandle>
SetupRun::track(const SetupChange &change,
                const std::function<TwilioHandle(TwilioCallback<T>)> &request,
                TwilioCallback<T> then)
{
    const qint64 step = intent(change);
    if (!step)
        return std::nullopt;
    // Recorded even when the caller was cancelled meanwhile: the request may have reached Twilio.
    return request([this, step, change, then = std::move(then)](const TwilioResult<T> &answer) {
        result(step, change, answer.error, answer.reply);
        then(answer);
    });
}
