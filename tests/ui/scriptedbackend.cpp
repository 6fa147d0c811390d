#include "scriptedbackend.h"

#include <QFile>
#include <QTimer>

namespace {
const QString kTrunkSid = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString kHandlerHost = QStringLiteral("https://trunk-migrator-4821-dev.twil.io");

NamedSid named(const QString &sid, const QString &name)
{
    return NamedSid{sid, name};
}
} // namespace

ScriptedBackend::ScriptedBackend(QObject *parent)
    : MigrationBackend(parent)
{
    accountInfo = {QStringLiteral("AC0123456789abcdef0123456789abcdef"),
                   QStringLiteral("Acme Telecom (sandbox)"), QStringLiteral("active"),
                   QStringLiteral("Full"), true};
    TrunkSummary main;
    main.sid = kTrunkSid;
    main.friendlyName = QStringLiteral("Acme PBX Sydney");
    main.terminationDomain = QStringLiteral("acme-pbx.pstn.twilio.com");
    main.originationUrls = {
        {QStringLiteral("OU00000000000000000000000000000001"), QStringLiteral("Backup"),
         QStringLiteral("sip:pbx2.acme.example:5060"), 20, 10, true},
        {QStringLiteral("OU00000000000000000000000000000002"), QStringLiteral("Primary"),
         QStringLiteral("sip:pbx1.acme.example:5060;transport=tcp"), 10, 10, true},
    };
    main.ipAccessControlLists = {
        named(QStringLiteral("AL00000000000000000000000000000001"), QStringLiteral("Acme office"))};
    main.credentialLists = {
        named(QStringLiteral("CL00000000000000000000000000000001"), QStringLiteral("Acme PBX"))};
    numbers = demoNumbers(12, main.sid);
    main.numberCount = int(numbers.size());
    TrunkSummary lab;
    lab.sid = QStringLiteral("TKfedcba9876543210fedcba9876543210");
    lab.friendlyName = QStringLiteral("Lab trunk");
    lab.terminationDomain = QStringLiteral("acme-lab.pstn.twilio.com");
    trunks = {main, lab};

    inboundResult.domainSid = QStringLiteral("SD0123456789abcdef0123456789abcdef");
    inboundResult.domainName = QStringLiteral("acme-pbx-sydney.sip.twilio.com");
    // The main URI and its eight edge variants, as the engine lists them.
    inboundResult.sipUris = {QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com")};
    for (const char *edge : {"sydney", "ashburn", "umatilla", "dublin", "frankfurt", "singapore",
                             "tokyo", "sao-paulo"}) {
        inboundResult.sipUris.append(
            QStringLiteral("sip:acme-pbx-sydney.sip.%1.twilio.com").arg(QLatin1String(edge)));
    }
    inboundResult.handlerUrl = QUrl(kHandlerHost + QStringLiteral("/inboundHandler"));
    inboundResult.ipAccessControlLists = main.ipAccessControlLists;
    inboundResult.credentialLists = main.credentialLists;
    outboundResult.handlerUrl = QUrl(kHandlerHost + QStringLiteral("/outboundHandler"));
    sheet.domainName = inboundResult.domainName;
    sheet.sipUris = inboundResult.sipUris;
    sheet.ipAccessControlLists = main.ipAccessControlLists;
    sheet.credentialLists = main.credentialLists;

    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-120);
    recentCalls = {
        {QStringLiteral("CA00000000000000000000000000000001"), QString(),
         QStringLiteral("sip:+61255501001@acme-pbx-sydney.sip.twilio.com"),
         QStringLiteral("sip:+61412345678@acme-pbx-sydney.sip.twilio.com"),
         QStringLiteral("inbound"), QStringLiteral("completed"), start, QStringLiteral("34")},
        {QStringLiteral("CA00000000000000000000000000000002"),
         QStringLiteral("CA00000000000000000000000000000001"), QStringLiteral("+61255501001"),
         QStringLiteral("+61412345678"), QStringLiteral("outbound-dial"),
         QStringLiteral("completed"), start.addSecs(1), QStringLiteral("33")},
    };
}

OperationError ScriptedBackend::error(int httpStatus, int code, const QString &message)
{
    OperationError e;
    e.httpStatus = httpStatus;
    e.twilioCode = code;
    e.message = message;
    e.moreInfo = QUrl(QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    e.requestId = QStringLiteral("RQ0123456789abcdef0123456789abcdef");
    return e;
}

QVector<NumberInfo> ScriptedBackend::demoNumbers(int count, const QString &trunkSid)
{
    static const char *names[] = {"Reception", "Sales", "Support", "Accounts", "Fax", "Night"};
    QVector<NumberInfo> result;
    for (int i = 0; i < count; ++i) {
        NumberInfo n;
        n.sid = QStringLiteral("PN%1").arg(i + 1, 32, 10, QLatin1Char('0'));
        n.phoneNumber = QStringLiteral("+612555010%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        n.friendlyName = QStringLiteral("%1 %2").arg(QLatin1String(names[i % 6])).arg(i / 6 + 1);
        n.voiceUrl =
            i % 3 == 0 ? QString() : QStringLiteral("https://ivr.acme.example/voice/%1").arg(i + 1);
        n.voiceMethod = QStringLiteral("POST");
        n.trunkSid = trunkSid;
        result.append(n);
    }
    return result;
}

void ScriptedBackend::later(Operation operation, std::function<void()> answer, bool longOperation)
{
    const auto failure = failNext.constFind(operation);
    if (failure != failNext.cend()) {
        const OperationError e = *failure;
        failNext.erase(failure);
        QTimer::singleShot(delayMs, this, [this, operation, e, longOperation] {
            if (longOperation)
                setBusy(false);
            emit failed(operation, e);
        });
        return;
    }
    QTimer::singleShot(delayMs, this, std::move(answer));
}

bool ScriptedBackend::startLong(Operation operation)
{
    if (m_busy) {
        QTimer::singleShot(0, this, [this] {
            emit failed(Operation::Busy, error(0, 0, QStringLiteral("Another operation runs.")));
        });
        return false;
    }
    Q_UNUSED(operation)
    m_cancelled = false;
    setBusy(true);
    return true;
}

void ScriptedBackend::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void ScriptedBackend::connectAccount(const ConnectionSettings &settings)
{
    log.append(QStringLiteral("connectAccount"));
    lastConnection = settings;
    if (!startLong(Operation::Connect) || !answerConnect)
        return;
    later(
        Operation::Connect,
        [this] {
            m_connected = true;
            setBusy(false);
            emit connected(accountInfo);
        },
        true);
}

void ScriptedBackend::loadTrunks()
{
    log.append(QStringLiteral("loadTrunks"));
    later(Operation::LoadTrunks, [this] { emit trunksLoaded(trunks); });
}

void ScriptedBackend::loadNumbers(const QString &trunkSid)
{
    log.append(QStringLiteral("loadNumbers ") + trunkSid);
    later(Operation::LoadNumbers, [this, trunkSid] { emit numbersLoaded(trunkSid, numbers); });
}

void ScriptedBackend::setupInbound(const InboundOptions &options)
{
    log.append(QStringLiteral("setupInbound"));
    lastInbound = options;
    if (!startLong(Operation::SetupInbound))
        return;
    emit progress(QStringLiteral("Uploading inboundHandler"), 1, 4);
    later(
        Operation::SetupInbound,
        [this] {
            emit progress(QStringLiteral("Creating the SIP domain"), 3, 4);
            setBusy(false);
            emit inboundReady(inboundResult);
        },
        true);
}

void ScriptedBackend::setupOutbound(const OutboundOptions &options)
{
    log.append(QStringLiteral("setupOutbound"));
    lastOutbound = options;
    if (!startLong(Operation::SetupOutbound))
        return;
    emit progress(QStringLiteral("Uploading outboundHandler"), 1, 3);
    later(
        Operation::SetupOutbound,
        [this, options] {
            OutboundResult result = outboundResult;
            result.testNumberSid = options.testNumberSid;
            // Like the engine: the test number now rings the PBX through the handler.
            if (NumberInfo *n = find(options.testNumberSid)) {
                result.testPhoneNumber = n->phoneNumber;
                n->state = NumberState::Migrated;
                n->voiceUrl = outboundResult.handlerUrl.toString();
                n->trunkSid.clear();
            }
            setBusy(false);
            emit outboundReady(result);
        },
        true);
}

void ScriptedBackend::loadRecentCalls(const QString &numberOrDomain)
{
    log.append(QStringLiteral("loadRecentCalls ") + numberOrDomain);
    later(Operation::LoadCalls,
          [this, numberOrDomain] { emit callsLoaded(numberOrDomain, recentCalls); });
}

void ScriptedBackend::plan(const QStringList &numberSids, const QUrl &)
{
    log.append(QStringLiteral("plan ") + numberSids.join(u','));
    lastSids = numberSids;
    if (!startLong(Operation::Plan))
        return;
    later(
        Operation::Plan,
        [this, numberSids] {
            MigrationPlan plan;
            plan.voiceUrl = outboundResult.handlerUrl.toString();
            for (const QString &sid : numberSids) {
                const NumberInfo *n = find(sid);
                if (!n)
                    continue;
                if (n->state == NumberState::Migrated) {
                    ++plan.alreadyMigrated;
                    continue;
                }
                ++plan.numbersToMigrate;
                plan.items.append({sid, n->phoneNumber, QStringLiteral("set voice URL"),
                                   n->voiceUrl, plan.voiceUrl});
                plan.items.append({sid, n->phoneNumber, QStringLiteral("remove from trunk"),
                                   n->trunkSid, QString()});
            }
            plan.apiCalls = int(plan.items.size());
            setBusy(false);
            emit planReady(plan);
        },
        true);
}

void ScriptedBackend::migrate(const QStringList &numberSids, const QUrl &)
{
    log.append(QStringLiteral("migrate ") + numberSids.join(u','));
    lastSids = numberSids;
    if (startLong(Operation::Migrate))
        runStep(Operation::Migrate, numberSids, int(numberSids.size()), {});
}

void ScriptedBackend::revert(const QStringList &numberSids)
{
    log.append(QStringLiteral("revert ") + numberSids.join(u','));
    lastSids = numberSids;
    if (startLong(Operation::Revert))
        runStep(Operation::Revert, numberSids, int(numberSids.size()), {});
}

void ScriptedBackend::runStep(Operation operation, QStringList pending, int total,
                              RunSummary summary)
{
    if (pending.isEmpty() || m_cancelled) {
        summary.cancelled = int(pending.size());
        QTimer::singleShot(delayMs, this, [this, summary] {
            emit runFinished(summary);
            setBusy(false);
        });
        return;
    }
    const QString sid = pending.takeFirst();
    NumberInfo *n = find(sid);
    if (n && operation == Operation::Migrate && n->state == NumberState::Migrated) {
        ++summary.alreadyMigrated; // nothing to do, as the engine reports it
        runStep(operation, pending, total, summary);
        return;
    }
    if (n) {
        n->state =
            operation == Operation::Migrate ? NumberState::Migrating : NumberState::Reverting;
        emit numberChanged(*n);
    }
    QTimer::singleShot(delayMs, this, [=]() mutable {
        if (NumberInfo *number = find(sid)) {
            number->lastError = {};
            if (operation == Operation::Revert) {
                number->state = NumberState::Reverted;
                number->trunkSid = kTrunkSid;
                ++summary.reverted;
            } else if (failingNumbers.remove(sid)) {
                number->state = NumberState::Failed;
                number->lastError =
                    error(400, 21210, QStringLiteral("Twilio refused the new voice URL."));
                ++summary.failed;
            } else {
                number->state = NumberState::Migrated;
                number->voiceUrl = outboundResult.handlerUrl.toString();
                number->trunkSid.clear();
                ++summary.migrated;
            }
            emit numberChanged(*number);
        }
        emit progress(operation == Operation::Migrate ? QStringLiteral("Migrating numbers")
                                                      : QStringLiteral("Reverting numbers"),
                      total - int(pending.size()), total);
        runStep(operation, pending, total, summary);
    });
}

void ScriptedBackend::cancel()
{
    log.append(QStringLiteral("cancel"));
    ++cancelCalls;
    m_cancelled = true;
    if (m_busy && !answerConnect) {
        // A connect that never answers ends when cancelled.
        setBusy(false);
    }
}

void ScriptedBackend::resume()
{
    log.append(QStringLiteral("resume"));
    if (!m_connected) // the engine needs the run's account connected
        return later(Operation::Resume, [this] { emit failed(Operation::Resume, notConnected()); });
    if (!startLong(Operation::Resume))
        return;
    later(
        Operation::Resume,
        [this] {
            RunSummary summary;
            summary.migrated = interrupted.pending + interrupted.inFlight;
            interrupted = {};
            emit runFinished(summary);
            setBusy(false);
        },
        true);
}

void ScriptedBackend::rollback()
{
    log.append(QStringLiteral("rollback"));
    if (!m_connected) // the engine needs the run's account connected
        return later(Operation::Rollback,
                     [this] { emit failed(Operation::Rollback, notConnected()); });
    if (!startLong(Operation::Rollback))
        return;
    later(
        Operation::Rollback,
        [this] {
            RunSummary summary;
            summary.reverted = interrupted.migrated + interrupted.inFlight;
            interrupted = {};
            emit runFinished(summary);
            setBusy(false);
        },
        true);
}

void ScriptedBackend::exportAudit(const QString &csvPath)
{
    log.append(QStringLiteral("exportAudit ") + csvPath);
    later(Operation::ExportAudit, [this, csvPath] {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            emit failed(Operation::ExportAudit, error(0, 0, file.errorString()));
            return;
        }
        file.write("time_utc,action,phone_number,outcome\r\n");
        int rows = 0;
        for (const NumberInfo &n : std::as_const(numbers)) {
            if (n.state == NumberState::OnTrunk)
                continue;
            file.write(QStringLiteral("2026-11-27T10:00:00Z,migrate,'%1,%2\r\n")
                           .arg(n.phoneNumber, QString::number(int(n.state)))
                           .toUtf8());
            ++rows;
        }
        emit auditExported(csvPath, rows);
    });
}

void ScriptedBackend::deleteTrunk(const QString &trunkSid)
{
    log.append(QStringLiteral("deleteTrunk ") + trunkSid);
    later(Operation::DeleteTrunk, [this, trunkSid] { emit trunkDeleted(trunkSid); });
}

NumberInfo *ScriptedBackend::find(const QString &sid)
{
    for (NumberInfo &n : numbers) {
        if (n.sid == sid)
            return &n;
    }
    return nullptr;
}
