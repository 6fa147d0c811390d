#include "scriptedbackend.h"

#include <QTimer>

ScriptedBackend::ScriptedBackend(QObject *parent)
    : MigrationBackend(parent)
{
    m_account.sid = QStringLiteral("AC") + QString(32, QLatin1Char('a'));
    m_account.friendlyName = QStringLiteral("Scripted");
    TrunkSummary trunk;
    trunk.sid = QStringLiteral("TK") + QString(32, QLatin1Char('1'));
    trunk.friendlyName = QStringLiteral("Main trunk");
    trunk.terminationDomain = QStringLiteral("acme.pstn.twilio.com");
    trunks.append(trunk);
}

QStringList ScriptedBackend::mutatingCalls() const
{
    QStringList result;
    for (const QString &call : calls) {
        for (const char *verb : {"setup", "migrate", "revert", "resume", "rollback", "delete"}) {
            if (call.startsWith(QLatin1String(verb)))
                result.append(call);
        }
    }
    return result;
}

NumberInfo ScriptedBackend::demoNumber(int index, const QString &trunkSid)
{
    NumberInfo number;
    number.sid = QStringLiteral("PN%1").arg(index, 32, 16, QLatin1Char('0'));
    number.phoneNumber = QStringLiteral("+6125550%1").arg(index, 4, 10, QLatin1Char('0'));
    number.friendlyName = QStringLiteral("Line %1").arg(index);
    number.voiceUrl = QStringLiteral("https://old.example.com/voice");
    number.trunkSid = trunkSid;
    return number;
}

void ScriptedBackend::seed(int count)
{
    numbers.clear();
    for (int i = 0; i < count; ++i)
        numbers.append(demoNumber(i, trunks.constFirst().sid));
    trunks[0].numberCount = count;
}

void ScriptedBackend::later(std::function<void()> work)
{
    QTimer::singleShot(stepMs, this, std::move(work));
}

void ScriptedBackend::connectAccount(const ConnectionSettings &settings)
{
    calls.append(QStringLiteral("connect"));
    lastSettings = settings;
    later([this] {
        if (connectError.isNull())
            emit connected(m_account);
        else
            emit failed(Operation::Connect, connectError);
    });
}

void ScriptedBackend::loadTrunks()
{
    calls.append(QStringLiteral("loadTrunks"));
    later([this] { emit trunksLoaded(trunks); });
}

void ScriptedBackend::loadNumbers(const QString &trunkSid)
{
    calls.append(QStringLiteral("loadNumbers ") + trunkSid);
    later([this, trunkSid] {
        if (trunkSid != trunks.constFirst().sid) {
            OperationError error;
            error.httpStatus = 404;
            error.twilioCode = 20404;
            error.message = QStringLiteral("The requested resource was not found");
            emit failed(Operation::LoadNumbers, error);
            return;
        }
        emit numbersLoaded(trunkSid, numbers);
    });
}

void ScriptedBackend::setupInbound(const InboundOptions &options)
{
    calls.append(QStringLiteral("setupInbound ") + options.domainPrefix);
    later([this, options] {
        InboundResult result;
        result.domainName = options.domainPrefix + QStringLiteral(".sip.twilio.com");
        result.sipUris = {QStringLiteral("sip:") + result.domainName};
        emit inboundReady(result);
    });
}

void ScriptedBackend::setupOutbound(const OutboundOptions &options)
{
    calls.append(QStringLiteral("setupOutbound ") + options.testNumberSid);
    later([this, options] {
        OutboundResult result;
        result.handlerUrl = QUrl(QStringLiteral("https://h.example.com/outboundHandler"));
        result.testNumberSid = options.testNumberSid;
        emit outboundReady(result);
    });
}

void ScriptedBackend::loadRecentCalls(const QString &numberOrDomain)
{
    calls.append(QStringLiteral("loadRecentCalls ") + numberOrDomain);
    later([this, numberOrDomain] { emit callsLoaded(numberOrDomain, {}); });
}

void ScriptedBackend::plan(const QStringList &numberSids, const QUrl &voiceUrl)
{
    calls.append(QStringLiteral("plan ") + numberSids.join(QLatin1Char(',')));
    later([this, numberSids, voiceUrl] {
        MigrationPlan result;
        result.voiceUrl = voiceUrl.toString();
        for (const QString &sid : numberSids)
            result.items.append({sid, {}, QStringLiteral("set voice URL"), {}, result.voiceUrl});
        result.numbersToMigrate = int(numberSids.size());
        result.apiCalls = 2 * result.numbersToMigrate;
        emit planReady(result);
    });
}

void ScriptedBackend::migrate(const QStringList &numberSids, const QUrl &voiceUrl)
{
    calls.append(QStringLiteral("migrate ") + numberSids.join(QLatin1Char(',')));
    startRun(numberSids, NumberState::Migrated, voiceUrl.toString());
}

void ScriptedBackend::revert(const QStringList &numberSids)
{
    calls.append(QStringLiteral("revert ") + numberSids.join(QLatin1Char(',')));
    startRun(numberSids, NumberState::Reverted, QStringLiteral("https://old.example.com/voice"));
}

void ScriptedBackend::cancel()
{
    calls.append(QStringLiteral("cancel"));
    m_cancelled = true;
}

void ScriptedBackend::resume()
{
    calls.append(QStringLiteral("resume"));
    startRun({}, NumberState::Migrated, {});
}

void ScriptedBackend::rollback()
{
    calls.append(QStringLiteral("rollback"));
    startRun({}, NumberState::Reverted, {});
}

void ScriptedBackend::exportAudit(const QString &csvPath)
{
    calls.append(QStringLiteral("exportAudit ") + csvPath);
    later([this, csvPath] { emit auditExported(csvPath, 3); });
}

void ScriptedBackend::deleteTrunk(const QString &trunkSid)
{
    calls.append(QStringLiteral("deleteTrunk ") + trunkSid);
    later([this, trunkSid] { emit trunkDeleted(trunkSid); });
}

void ScriptedBackend::startRun(const QStringList &sids, NumberState target, const QString &voiceUrl)
{
    m_busy = true;
    m_cancelled = false;
    m_queue = sids;
    m_target = target;
    m_voiceUrl = voiceUrl;
    m_summary = RunSummary();
    later([this] { step(); });
}

void ScriptedBackend::step()
{
    if (m_queue.isEmpty() || m_cancelled) {
        m_summary.cancelled = int(m_queue.size());
        m_busy = false;
        emit runFinished(m_summary);
        return;
    }
    const QString sid = m_queue.takeFirst();
    for (NumberInfo &number : numbers) {
        if (number.sid != sid)
            continue;
        if (failingSids.contains(sid)) {
            number.state = NumberState::Failed;
            number.lastError.httpStatus = 503;
            number.lastError.message = QStringLiteral("Service unavailable");
            ++m_summary.failed;
        } else {
            number.state = m_target;
            number.voiceUrl = m_voiceUrl;
            ++(m_target == NumberState::Migrated ? m_summary.migrated : m_summary.reverted);
        }
        emit numberChanged(number);
    }
    const int done = m_summary.migrated + m_summary.failed + m_summary.reverted;
    emit progress(QStringLiteral("Migrating numbers"), done, done + int(m_queue.size()));
    later([this] { step(); });
}
