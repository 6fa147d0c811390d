// The MigrationBackend contract, run against the real engine (MigrationService on the in-process
// sandbox) and against the test double every front-end test uses (ScriptedBackend): the same
// scenarios must give the same kind of answer from both, so the wizard's and the CLI's tests
// cannot pass on a double friendlier than the engine.
#include "../common/drainevents.h"
#include "enginefixture.h"
#include "scriptedbackend.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace {
using Op = MigrationBackend::Operation;

// How a job ended, how many times (the contract: exactly once) and what came after the end
// (the contract: nothing).
template<typename Result> struct Ending
{
    std::optional<Result> result;
    std::optional<OperationError> error;
    int ends = 0;
    int late = 0; // progress or numberChanged after the end
    bool deleted = false;
    QPointer<BackendJob> job;
    BackendJob::Operation operation{};
};

// Records the job's end; call it right after the call that returned the job.
template<typename Result> std::shared_ptr<Ending<Result>> watch(ResultJob<Result> *job)
{
    auto ending = std::make_shared<Ending<Result>>();
    ending->job = job;
    ending->operation = job->operation();
    job->onFinished(job, [ending](const Result &r) {
        ending->result = r;
        ++ending->ends;
    });
    QObject::connect(job, &BackendJob::failed, job, [ending](const OperationError &e) {
        ending->error = e;
        ++ending->ends;
    });
    QObject::connect(job, &BackendJob::progress, job, [ending] { ending->late += ending->ends; });
    if (auto *run = qobject_cast<RunJob *>(job)) {
        QObject::connect(run, &RunJob::numberChanged, run,
                         [ending] { ending->late += ending->ends; });
    }
    return ending;
}

// Waits for the watched job's end and its deletion.
template<typename Result>
Ending<Result> settle(const std::shared_ptr<Ending<Result>> &ending, int timeoutMs = 20000)
{
    if (!QTest::qWaitFor([&] { return ending->ends > 0; }, timeoutMs))
        qWarning("job of operation %d did not end", int(ending->operation));
    ending->deleted = QTest::qWaitFor([&] { return ending->job.isNull(); }, 2000);
    drainPostedEvents(); // a second end would come from the event loop too
    return *ending;
}

template<typename Result> Ending<Result> wait(ResultJob<Result> *job, int timeoutMs = 20000)
{
    return settle(watch(job), timeoutMs);
}

// A backend under test, connected (unless asked otherwise), with the numbers of one trunk.
struct Subject
{
    std::unique_ptr<EngineFixture> fixture;
    std::unique_ptr<MigrationBackend> backend;
    ScriptedBackend *scripted = nullptr;
    QString trunkSid;
    QStringList sids;
    QTemporaryDir dir;

    explicit Subject(const QString &kind, bool connect = true, int numbers = 6)
    {
        if (kind == QLatin1String("engine")) {
            SandboxOptions options;
            options.numbers = numbers;
            fixture = std::make_unique<EngineFixture>(options);
            const QString problem = fixture->start();
            if (!problem.isEmpty())
                qFatal("sandbox: %s", qPrintable(problem));
            auto service = std::make_unique<MigrationService>();
            service->setJournalPath(dir.filePath(QStringLiteral("journal.sqlite")));
            service->setConcurrency(1); // a stop lands before the run is done
            backend = std::move(service);
            trunkSid = fixture->server().trunkSid();
        } else {
            auto double_ = std::make_unique<ScriptedBackend>();
            double_->delayMs = 1;
            double_->seed(numbers);
            scripted = double_.get();
            trunkSid = double_->trunks.constFirst().sid;
            backend = std::move(double_);
        }
        // These scenarios migrate to a voice URL of their own without step 2.
        backend->acceptChanges({QStringLiteral("calls-unchecked")});
        if (!connect)
            return;
        const ConnectionSettings settings = fixture ? fixture->settings() : ConnectionSettings{};
        if (!wait(backend->connectAccount(settings)).result)
            qFatal("connect failed");
        const auto listed = wait(backend->loadNumbers(trunkSid));
        for (const NumberInfo &n : listed.result.value_or(QVector<NumberInfo>()))
            sids.append(n.sid);
    }
};

void addBackends()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("engine") << QStringLiteral("engine");
    QTest::newRow("scripted") << QStringLiteral("scripted");
}

// The trunk of every number of the subject's trunk listing, as the backend lists it now.
QSet<QString> trunkSidsOf(Subject &s)
{
    QSet<QString> trunks;
    const auto listed = wait(s.backend->loadNumbers(s.trunkSid));
    for (const NumberInfo &n : listed.result.value_or(QVector<NumberInfo>()))
        trunks.insert(n.trunkSid);
    return trunks;
}

QUrl handler()
{
    return EngineFixture::handlerUrl();
}
} // namespace

class TestBackendContract : public QObject
{
    Q_OBJECT
private slots:
    void nothingBeforeConnect_data() { addBackends(); }
    void nothingBeforeConnect()
    {
        QFETCH(QString, kind);
        Subject s(kind, false);
        const auto trunks = wait(s.backend->loadTrunks());
        QVERIFY(!trunks.result);
        QVERIFY(trunks.error);
        QVERIFY2(trunks.error->message.contains(QLatin1String("Connect")),
                 qPrintable(trunks.error->message));
        QVERIFY(!s.backend->isBusy());
    }

    void jobEndsOnceAndDeletesItself_data() { addBackends(); }
    void jobEndsOnceAndDeletesItself()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        TrunksJob *job = s.backend->loadTrunks();
        QCOMPARE(job->operation(), Op::LoadTrunks);
        QVERIFY(s.backend->isBusy()); // until the answer, which never comes inside the call
        const auto trunks = wait(job);
        QCOMPARE(trunks.ends, 1);
        QVERIFY(trunks.deleted);
        QVERIFY(trunks.result);
        QVERIFY(std::any_of(trunks.result->cbegin(), trunks.result->cend(),
                            [&](const TrunkSummary &t) { return t.sid == s.trunkSid; }));
        QVERIFY(!s.backend->isBusy());
    }

    void secondOperationFailsItsOwnJob_data() { addBackends(); }
    void secondOperationFailsItsOwnJob()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto first = watch(s.backend->loadNumbers(s.trunkSid));
        const auto second = watch(s.backend->migrate(s.sids, handler()));
        const auto refused = settle(second);
        const auto listed = settle(first);
        QVERIFY(refused.error);
        QCOMPARE(refused.error->message, QStringLiteral("Another operation is still running."));
        QCOMPARE(refused.ends, 1);
        QVERIFY(listed.result);
        QCOMPARE(listed.result->size(), s.sids.size());
        // Nothing moved.
        QCOMPARE(trunkSidsOf(s), QSet<QString>{s.trunkSid});
    }

    void badTrunkSidFails_data() { addBackends(); }
    void badTrunkSidFails()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto malformed = wait(s.backend->loadNumbers(QStringLiteral("TK123")));
        QVERIFY(malformed.error);
        QVERIFY2(malformed.error->message.contains(QLatin1String("trunk SID")),
                 qPrintable(malformed.error->message));
        const auto unknown = wait(s.backend->loadNumbers(QStringLiteral("TK") + QString(32, u'f')));
        QVERIFY(unknown.error);
        QCOMPARE(unknown.error->httpStatus, 404);
        QVERIFY(!s.backend->isBusy());
    }

    // Step 2's preferred test numbers: on no trunk, and never one the migration moved.
    void spareNumbersAreOnNoTrunk_data() { addBackends(); }
    void spareNumbersAreOnNoTrunk()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto spare = wait(s.backend->loadSpareNumbers());
        QVERIFY(spare.result);
        QCOMPARE(spare.ends, 1);
        QVERIFY(!spare.result->isEmpty());
        for (const NumberInfo &n : std::as_const(*spare.result)) {
            QVERIFY(n.trunkSid.isEmpty());
            QCOMPARE(n.state, NumberState::NotOnTrunk);
            QVERIFY(!s.sids.contains(n.sid));
        }
        const QStringList moved = s.sids.mid(0, 2);
        QVERIFY(wait(s.backend->migrate(moved, handler())).result);
        const auto after = wait(s.backend->loadSpareNumbers());
        QVERIFY(after.result);
        for (const NumberInfo &n : std::as_const(*after.result))
            QVERIFY2(!moved.contains(n.sid), qPrintable(n.phoneNumber));
    }

    void verifyReadsOnly_data() { addBackends(); }
    void verifyReadsOnly()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto malformed = wait(s.backend->verify(QStringLiteral("TK123"), {}));
        QVERIFY(malformed.error);
        QVERIFY2(malformed.error->message.contains(QLatin1String("trunk SID")),
                 qPrintable(malformed.error->message));
        // Before step 2 the engine has nothing to compare with, the double a scripted report:
        // either way the job ends once, by itself, and no number moved.
        const auto verified = wait(s.backend->verify(s.trunkSid, {}, true));
        QCOMPARE(verified.ends, 1);
        QVERIFY(verified.deleted);
        QCOMPARE(trunkSidsOf(s), QSet<QString>{s.trunkSid});
        QVERIFY(!s.backend->isBusy());
    }

    void planChangesNothing_data() { addBackends(); }
    void planChangesNothing()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto plan = wait(s.backend->plan(s.sids.mid(0, 3), handler()));
        QVERIFY(plan.result);
        QCOMPARE(plan.result->numbersToMigrate, 3);
        QCOMPARE(plan.result->voiceUrl, handler().toString());
        QCOMPARE(trunkSidsOf(s), QSet<QString>{s.trunkSid});
    }

    void migrateThenRevert_data() { addBackends(); }
    void migrateThenRevert()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const QStringList three = s.sids.mid(0, 3);
        for (const Op operation : {Op::Migrate, Op::Revert}) {
            RunJob *job = operation == Op::Migrate ? s.backend->migrate(three, handler())
                                                   : s.backend->revert(three);
            QCOMPARE(job->operation(), operation);
            QHash<QString, NumberState> last;
            int done = 0;
            int total = 0;
            QObject::connect(job, &RunJob::numberChanged, job,
                             [&](const NumberInfo &n) { last.insert(n.sid, n.state); });
            QObject::connect(job, &BackendJob::progress, job, [&](const QString &, int d, int t) {
                done = d;
                total = t;
            });
            const auto ran = wait(job);
            QVERIFY(ran.result);
            QCOMPARE(ran.late, 0);
            const NumberState target =
                operation == Op::Migrate ? NumberState::Migrated : NumberState::Reverted;
            QCOMPARE(operation == Op::Migrate ? ran.result->migrated : ran.result->reverted, 3);
            QCOMPARE(last.size(), 3);
            for (const QString &sid : three)
                QCOMPARE(last.value(sid), target);
            QCOMPARE(done, total);
            QCOMPARE(total, 3);
        }
    }

    // A second migrate right after a listing needs no call for numbers already migrated: each
    // is still reported, as already migrated.
    void migratedAgainReportsEveryNumber_data() { addBackends(); }
    void migratedAgainReportsEveryNumber()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const QStringList three = s.sids.mid(0, 3);
        QVERIFY(wait(s.backend->migrate(three, handler())).result);
        QVERIFY(wait(s.backend->loadNumbers(s.trunkSid)).result);
        RunJob *job = s.backend->migrate(three, handler());
        QHash<QString, NumberState> last;
        QObject::connect(job, &RunJob::numberChanged, job,
                         [&](const NumberInfo &n) { last.insert(n.sid, n.state); });
        const auto ran = wait(job);
        QVERIFY(ran.result);
        QCOMPARE(ran.result->alreadyMigrated, 3);
        QCOMPARE(ran.result->migrated, 0);
        QCOMPARE(last.size(), 3);
        for (const QString &sid : three)
            QCOMPARE(last.value(sid), NumberState::Migrated);
    }

    void stopEndsTheRunWithItsSummary_data() { addBackends(); }
    void stopEndsTheRunWithItsSummary()
    {
        QFETCH(QString, kind);
        Subject s(kind, true, 40);
        RunJob *job = s.backend->migrate(s.sids, handler());
        QObject::connect(job, &RunJob::numberChanged, job, [job] { job->cancel(); });
        const auto ran = wait(job);
        QVERIFY(ran.result); // a stopped run ends with its summary, not a failure
        QCOMPARE(ran.late, 0);
        const RunSummary &r = *ran.result;
        QCOMPARE(r.migrated + r.alreadyMigrated + r.failed + r.cancelled, 40);
        QVERIFY2(r.cancelled > 0, qPrintable(QString::number(r.migrated)));
        QVERIFY(!s.backend->isBusy());
    }

    // A stop between a number's two changes leaves it on the trunk with the new URL: its row
    // says so (UrlSet), and a fresh listing says the same of every number (issue 10).
    void stopLeavesTrueStates_data() { addBackends(); }
    void stopLeavesTrueStates()
    {
        QFETCH(QString, kind);
        Subject s(kind, true, 40);
        RunJob *job = s.backend->migrate(s.sids, handler());
        QHash<QString, NumberInfo> last;
        QObject::connect(job, &RunJob::numberChanged, job, [&](const NumberInfo &n) {
            last.insert(n.sid, n);
            job->cancel();
        });
        QVERIFY(wait(job).result);
        int urlSet = 0;
        for (const NumberInfo &n : std::as_const(last)) {
            // A number the stop reached before its first change is reported as it is: on the
            // trunk with its old URL.
            const bool untouched =
                n.state == NumberState::OnTrunk && n.voiceUrl != handler().toString();
            QVERIFY2(n.state == NumberState::Migrated || n.state == NumberState::UrlSet ||
                         untouched,
                     qPrintable(n.sid + u' ' + QString::number(int(n.state))));
            if (n.state != NumberState::UrlSet)
                continue;
            ++urlSet;
            QCOMPARE(n.voiceUrl, handler().toString());
            QCOMPARE(n.trunkSid, s.trunkSid);
        }
        QVERIFY(urlSet > 0);
        const auto listed = wait(s.backend->loadNumbers(s.trunkSid));
        QVERIFY(listed.result);
        QCOMPARE(listed.result->size(), 40);
        for (const NumberInfo &n : *listed.result) {
            const NumberState expected =
                last.contains(n.sid) ? last.value(n.sid).state : NumberState::OnTrunk;
            QCOMPARE(n.state, expected);
        }
        // The half-moved numbers finish with the next run.
        QStringList halfway;
        for (const NumberInfo &n : std::as_const(last))
            if (n.state == NumberState::UrlSet)
                halfway.append(n.sid);
        const auto finished = wait(s.backend->migrate(halfway, handler()));
        QVERIFY(finished.result);
        QCOMPARE(finished.result->migrated + finished.result->alreadyMigrated, int(halfway.size()));
    }

    // A number whose removal failed is Failed with the new URL set: the wizard offers Revert
    // for it, and revert restores its saved settings (engine only: the sandbox fails DELETEs).
    void failedHalfwayNumberReverts()
    {
        Subject s(QStringLiteral("engine"));
        const QString sid = s.sids.first();
        const auto before = wait(s.backend->loadNumbers(s.trunkSid));
        QVERIFY(before.result);
        QString originalUrl;
        for (const NumberInfo &n : *before.result)
            if (n.sid == sid)
                originalUrl = n.voiceUrl;
        QVERIFY(originalUrl != handler().toString());
        s.fixture->server().setMethodFailRate("DELETE", 1.0);
        QVERIFY(wait(s.backend->migrate({sid}, handler())).result);
        s.fixture->server().setMethodFailRate("DELETE", -1);
        // The sandbox answered 503 before applying anything: no removal can land late, so the
        // revert need not wait for one (it does by default, two minutes).
        static_cast<MigrationService *>(s.backend.get())->setRemovalSettleMs(0);
        const auto failed = wait(s.backend->loadNumbers(s.trunkSid));
        QVERIFY(failed.result);
        for (const NumberInfo &n : *failed.result) {
            if (n.sid != sid)
                continue;
            QCOMPARE(n.state, NumberState::Failed);
            QCOMPARE(n.voiceUrl, handler().toString());
            QCOMPARE(n.trunkSid, s.trunkSid);
        }
        const auto reverted = wait(s.backend->revert({sid}));
        QVERIFY(reverted.result);
        QCOMPARE(reverted.result->reverted, 1);
        const auto after = wait(s.backend->loadNumbers(s.trunkSid));
        for (const NumberInfo &n : *after.result) {
            if (n.sid != sid)
                continue;
            QCOMPARE(n.state, NumberState::Reverted);
            QCOMPARE(n.voiceUrl, originalUrl);
            QCOMPARE(n.trunkSid, s.trunkSid);
        }
    }

    // Deleting the trunk ends revert: it is refused before any number is touched.
    void revertAfterTrunkDeletionChangesNothing_data() { addBackends(); }
    void revertAfterTrunkDeletionChangesNothing()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        QVERIFY(wait(s.backend->migrate(s.sids, handler())).result);
        QVERIFY(wait(s.backend->loadNumbers(s.trunkSid)).result);
        QVERIFY(wait(s.backend->deleteTrunk(s.trunkSid)).result);
        RunJob *job = s.backend->revert(s.sids.mid(0, 2));
        int changed = 0;
        QObject::connect(job, &RunJob::numberChanged, job, [&] { ++changed; });
        const auto ran = wait(job);
        QVERIFY(ran.error);
        QVERIFY2(ran.error->message.contains(QLatin1String("no longer exists")),
                 qPrintable(ran.error->message));
        QCOMPARE(changed, 0);
        QVERIFY(!s.backend->isBusy());
    }

    void resumeWithNothingToResumeFails_data() { addBackends(); }
    void resumeWithNothingToResumeFails()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        const auto resumed = wait(s.backend->resume());
        QVERIFY(resumed.error);
        QVERIFY(!resumed.error->message.isEmpty());
        QVERIFY(!s.backend->isBusy());
    }

    void exportAuditWritesOrFails_data() { addBackends(); }
    void exportAuditWritesOrFails()
    {
        QFETCH(QString, kind);
        Subject s(kind);
        QVERIFY(wait(s.backend->migrate(s.sids.mid(0, 2), handler())).result);
        const QString path = s.dir.filePath(QStringLiteral("audit.csv"));
        const auto written = wait(s.backend->exportAudit(path));
        QVERIFY(written.result);
        QVERIFY(*written.result >= 2);
        QVERIFY(QFileInfo::exists(path));
        const auto refused =
            wait(s.backend->exportAudit(s.dir.filePath(QStringLiteral("no/such/folder/a.csv"))));
        QVERIFY(refused.error);
        QVERIFY(!s.backend->isBusy());
    }
};

QTEST_GUILESS_MAIN(TestBackendContract)
#include "tst_backendcontract.moc"
