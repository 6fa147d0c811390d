#include "journal.h"

#include "validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime toTime(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// A null QString binds as SQL NULL; columns declared NOT NULL want '' instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant nullIfZero(int value)
{
    return value == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(value);
}

// Action, kind and key names are identifiers chosen by the engine, never free text.
bool isName(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_.-]{0,63}\\z"));
    return re.match(value).hasMatch();
}

QString stateName(StepState state)
{
    switch (state) {
    case StepState::Intent:
        return QStringLiteral("intent");
    case StepState::Done:
        return QStringLiteral("done");
    case StepState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

StepState stateFromName(const QString &name)
{
    if (name == QLatin1String("done"))
        return StepState::Done;
    if (name == QLatin1String("failed"))
        return StepState::Failed;
    return StepState::Intent;
}

const QString StepColumns = QStringLiteral(
    "id, run_id, number_sid, action, detail, state, http_status, twilio_code, request_id,"
    " error_message, started_at, finished_at");

JournalStep stepFrom(const QSqlQuery &q)
{
    JournalStep step;
    step.id = q.value(0).toLongLong();
    step.runId = q.value(1).toLongLong();
    step.numberSid = q.value(2).toString();
    step.action = q.value(3).toString();
    step.detail = q.value(4).toString();
    step.state = stateFromName(q.value(5).toString());
    step.result.ok = step.state == StepState::Done;
    step.result.httpStatus = q.value(6).toInt();
    step.result.twilioCode = q.value(7).toInt();
    step.result.requestId = q.value(8).toString();
    step.result.errorMessage = q.value(9).toString();
    step.startedAt = toTime(q.value(10));
    step.finishedAt = toTime(q.value(11));
    return step;
}
} // namespace

bool Journal::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool Journal::failStore()
{
    return fail(m_store.errorString());
}

bool Journal::open(const QString &path)
{
    m_error.clear();
    return m_store.open(path) || failStore();
}

qint64 Journal::beginRun(const QString &accountSid, const QString &trunkSid, const QString &kind)
{
    if (const QString e = Validation::checkSid(accountSid, "AC", tr("The account SID"));
        !e.isEmpty())
        return fail(e), 0;
    if (const QString e = Validation::checkSid(trunkSid, "TK", tr("The trunk SID")); !e.isEmpty())
        return fail(e), 0;
    if (!isName(kind))
        return fail(tr("\"%1\" is not a valid run kind.").arg(kind.left(64))), 0;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO runs (account_sid, trunk_sid, kind, started_at, status)"
                             " VALUES (?, ?, ?, ?, 'running')"));
    q.addBindValue(accountSid);
    q.addBindValue(trunkSid);
    q.addBindValue(kind);
    q.addBindValue(now());
    if (!m_store.exec(q, tr("Recording the start of a run")))
        return failStore(), 0;
    return q.lastInsertId().toLongLong();
}

bool Journal::finishRun(qint64 runId, const QString &status)
{
    static const QStringList statuses{QStringLiteral("finished"), QStringLiteral("failed"),
                                      QStringLiteral("cancelled")};
    if (!statuses.contains(status))
        return fail(tr("\"%1\" is not a final run status.").arg(status.left(64)));
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(now());
    q.addBindValue(runId);
    if (!m_store.exec(q, tr("Recording the end of a run")))
        return failStore();
    return q.numRowsAffected() == 1 || fail(tr("There is no run %1 in the journal.").arg(runId));
}

bool Journal::reopenRun(qint64 runId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?"
                             " AND status = 'cancelled'"));
    q.addBindValue(runId);
    if (!m_store.exec(q, tr("Reopening a run")))
        return failStore();
    return q.numRowsAffected() == 1 || fail(tr("Run %1 was not stopped.").arg(runId));
}

std::optional<JournalRun> Journal::newestRun(const QString &accountSid)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE account_sid = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(accountSid);
    if (!m_store.exec(q, tr("Looking for the newest run")))
        return failStore(), std::nullopt;
    return q.next() ? run(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<JournalRun> Journal::run(qint64 runId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id, account_sid, trunk_sid, kind, status, started_at,"
                             " finished_at FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    if (!m_store.exec(q, tr("Reading a run")))
        return failStore(), std::nullopt;
    if (!q.next())
        return std::nullopt;
    return JournalRun{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(),   q.value(4).toString(), toTime(q.value(5)),
                      toTime(q.value(6))};
}

std::optional<JournalRun> Journal::unfinishedRun(const QString &accountSid)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE account_sid = ? AND status = 'running'"
                             " ORDER BY id DESC LIMIT 1"));
    q.addBindValue(accountSid);
    if (!m_store.exec(q, tr("Looking for an unfinished run")))
        return failStore(), std::nullopt;
    return q.next() ? run(q.value(0).toLongLong()) : std::nullopt;
}

qint64 Journal::recordIntent(qint64 runId, const QString &numberSid, const QString &action,
                             const QString &detail)
{
    if (!numberSid.isEmpty()) {
        if (const QString e = Validation::checkSid(numberSid, "PN", tr("The phone number SID"));
            !e.isEmpty())
            return fail(e), 0;
    }
    if (!isName(action))
        return fail(tr("\"%1\" is not a valid step name.").arg(action.left(64))), 0;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO steps (run_id, number_sid, action, detail, state,"
                             " started_at) VALUES (?, ?, ?, ?, 'intent', ?)"));
    q.addBindValue(runId);
    q.addBindValue(nullIfEmpty(numberSid));
    q.addBindValue(action);
    q.addBindValue(notNull(m_redactor.redact(detail)));
    q.addBindValue(now());
    // The foreign key on run_id turns an unknown run into an error here.
    if (!m_store.exec(q, tr("Recording the intent of a step")))
        return failStore(), 0;
    return q.lastInsertId().toLongLong();
}

bool Journal::recordResult(qint64 stepId, const StepResult &result)
{
    QSqlQuery q(m_store.database());
    // Only an open intent can be closed: a result recorded twice would hide the first one.
    q.prepare(QStringLiteral("UPDATE steps SET state = ?, http_status = ?, twilio_code = ?,"
                             " request_id = ?, error_message = ?, finished_at = ?"
                             " WHERE id = ? AND state = 'intent'"));
    q.addBindValue(stateName(result.ok ? StepState::Done : StepState::Failed));
    q.addBindValue(nullIfZero(result.httpStatus));
    q.addBindValue(nullIfZero(result.twilioCode));
    q.addBindValue(nullIfEmpty(result.requestId.left(64)));
    q.addBindValue(nullIfEmpty(m_redactor.redact(result.errorMessage)));
    q.addBindValue(now());
    q.addBindValue(stepId);
    if (!m_store.exec(q, tr("Recording the result of a step")))
        return failStore();
    return q.numRowsAffected() == 1 ||
           fail(tr("Step %1 is not an open intent in the journal.").arg(stepId));
}

QList<JournalStep> Journal::readSteps(const QString &where, const QVariantList &values)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM steps WHERE %2").arg(StepColumns, where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    QList<JournalStep> steps;
    if (!m_store.exec(q, tr("Reading steps"))) {
        failStore();
        return steps;
    }
    while (q.next())
        steps.append(stepFrom(q));
    return steps;
}

QList<JournalStep> Journal::openIntents(qint64 runId)
{
    if (runId == 0)
        return readSteps(QStringLiteral("state = 'intent' ORDER BY id"), {});
    return readSteps(QStringLiteral("state = 'intent' AND run_id = ? ORDER BY id"), {runId});
}

QList<JournalStep> Journal::cancelledNumberSteps(qint64 runId)
{
    // Each number's newest number step only: one resumed and finished since is done.
    return readSteps(QStringLiteral("id IN (SELECT MAX(id) FROM steps WHERE run_id = ? AND action"
                                    " LIKE '%!_number' ESCAPE '!' GROUP BY number_sid) AND state ="
                                    " 'failed' AND error_message = 'cancelled' ORDER BY id"),
                     {runId});
}

std::optional<JournalStep> Journal::lastStep(const QString &numberSid)
{
    const auto steps =
        readSteps(QStringLiteral("number_sid = ? ORDER BY id DESC LIMIT 1"), {numberSid});
    return steps.isEmpty() ? std::nullopt : std::optional(steps.first());
}

std::optional<JournalStep> Journal::lastRemoval(const QString &numberSid)
{
    const auto steps = readSteps(
        QStringLiteral("number_sid = ? AND action IN ('remove_from_trunk', 'clear_trunk_sid') "
                       "ORDER BY id DESC LIMIT 1"),
        {numberSid});
    return steps.isEmpty() ? std::nullopt : std::optional(steps.first());
}

std::optional<JournalStep> Journal::lastDoneStep(const QString &numberSid)
{
    const auto steps = readSteps(
        QStringLiteral("number_sid = ? AND state = 'done' ORDER BY id DESC LIMIT 1"), {numberSid});
    return steps.isEmpty() ? std::nullopt : std::optional(steps.first());
}

QList<JournalStep> Journal::lastStepsOfRun(qint64 runId)
{
    return readSteps(QStringLiteral("id IN (SELECT MAX(id) FROM steps WHERE run_id = ? AND"
                                    " number_sid IS NOT NULL GROUP BY number_sid) ORDER BY id"),
                     {runId});
}

bool Journal::saveBackup(qint64 runId, const QString &accountSid, const NumberBackup &snapshot)
{
    if (const QString e = Validation::checkSid(accountSid, "AC", tr("The account SID"));
        !e.isEmpty())
        return fail(e);
    if (const QString e =
            Validation::checkSid(snapshot.numberSid, "PN", tr("The phone number SID"));
        !e.isEmpty())
        return fail(e);
    if (const QString e = Validation::checkE164(snapshot.phoneNumber); !e.isEmpty())
        return fail(e);
    if (!snapshot.priorTrunkSid.isEmpty()) {
        if (const QString e =
                Validation::checkSid(snapshot.priorTrunkSid, "TK", tr("The trunk SID"));
            !e.isEmpty())
            return fail(e);
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO snapshots (account_sid, number_sid, run_id,"
                             " phone_number, prior_settings, prior_trunk_sid, taken_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(accountSid);
    q.addBindValue(snapshot.numberSid);
    q.addBindValue(runId);
    q.addBindValue(snapshot.phoneNumber);
    q.addBindValue(m_redactor.redact(
        QString::fromUtf8(QJsonDocument(snapshot.priorSettings).toJson(QJsonDocument::Compact))));
    q.addBindValue(nullIfEmpty(snapshot.priorTrunkSid));
    q.addBindValue(now());
    return m_store.exec(q, tr("Saving the settings of %1").arg(snapshot.phoneNumber)) ||
           failStore();
}

std::optional<NumberBackup> Journal::backup(const QString &accountSid, const QString &numberSid)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT number_sid, phone_number, prior_settings, prior_trunk_sid,"
                             " run_id, taken_at FROM snapshots WHERE account_sid = ? AND"
                             " number_sid = ?"));
    q.addBindValue(accountSid);
    q.addBindValue(numberSid);
    if (!m_store.exec(q, tr("Reading saved settings")))
        return failStore(), std::nullopt;
    if (!q.next())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument settings = QJsonDocument::fromJson(q.value(2).toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !settings.isObject())
        return fail(tr("The saved settings of %1 are damaged.").arg(q.value(1).toString())),
               std::nullopt;
    return NumberBackup{q.value(0).toString(), q.value(1).toString(),   settings.object(),
                        q.value(3).toString(), q.value(4).toLongLong(), toTime(q.value(5))};
}

bool Journal::forgetBackup(const QString &accountSid, const QString &numberSid)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE account_sid = ? AND number_sid = ?"));
    q.addBindValue(accountSid);
    q.addBindValue(numberSid);
    return m_store.exec(q, tr("Forgetting saved settings")) || failStore();
}

bool Journal::setSetupValue(const QString &accountSid, const QString &key, const QString &value)
{
    if (const QString e = Validation::checkSid(accountSid, "AC", tr("The account SID"));
        !e.isEmpty())
        return fail(e);
    if (!isName(key))
        return fail(tr("\"%1\" is not a valid set-up key.").arg(key.left(64)));
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO setup (account_sid, key, value, updated_at)"
                             " VALUES (?, ?, ?, ?) ON CONFLICT (account_sid, key) DO UPDATE"
                             " SET value = excluded.value, updated_at = excluded.updated_at"));
    q.addBindValue(accountSid);
    q.addBindValue(key);
    q.addBindValue(notNull(m_redactor.redact(value)));
    q.addBindValue(now());
    return m_store.exec(q, tr("Saving a set-up result")) || failStore();
}

std::optional<QString> Journal::setupValue(const QString &accountSid, const QString &key)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT value FROM setup WHERE account_sid = ? AND key = ?"));
    q.addBindValue(accountSid);
    q.addBindValue(key);
    if (!m_store.exec(q, tr("Reading a set-up result")))
        return failStore(), std::nullopt;
    return q.next() ? std::optional(q.value(0).toString()) : std::nullopt;
}
