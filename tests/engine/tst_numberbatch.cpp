// NumberBatch: the window bounds the active jobs, cancel() starts nothing new and lets active
// jobs end, finished() comes exactly once (also for an empty list).
#include "../common/drainevents.h"
#include "numberbatch.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {
// A job that ends after a timer, or at once as Cancelled when asked to stop first.
class TimedTask : public NumberTask
{
public:
    TimedTask(const QString &sid, int *active, int *peak, QObject *parent)
        : NumberTask(parent)
        , m_sid(sid)
        , m_active(active)
        , m_peak(peak)
    {}
    void start() override
    {
        *m_peak = qMax(*m_peak, ++*m_active);
        QTimer::singleShot(5, this, [this] {
            --*m_active;
            NumberInfo info;
            info.sid = m_sid;
            info.state = stopRequested() ? NumberState::OnTrunk : NumberState::Migrated;
            emit finished(stopRequested() ? NumberOutcome::Cancelled : NumberOutcome::Migrated,
                          info);
        });
    }

private:
    QString m_sid;
    int *m_active;
    int *m_peak;
};

QStringList sids(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(QString::number(i));
    return out;
}
} // namespace

class TestNumberBatch : public QObject
{
    Q_OBJECT
private slots:
    void windowBoundsActiveTasks();
    void emptyListFinishesOnce();
    void cancelStopsNewWork();
};

void TestNumberBatch::windowBoundsActiveTasks()
{
    int active = 0, peak = 0;
    NumberBatch batch(
        sids(50),
        [&](const QString &sid, QObject *p) { return new TimedTask(sid, &active, &peak, p); }, 4);
    QSignalSpy finished(&batch, &NumberBatch::finished);
    QSignalSpy progress(&batch, &NumberBatch::progress);
    batch.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(peak, 4);
    QCOMPARE(finished.first().at(0).value<RunSummary>().migrated, 50);
    QCOMPARE(progress.size(), 50);
    QCOMPARE(progress.last().at(0).toInt(), 50);
    drainPostedEvents(); // a second report would be queued by now
    QCOMPARE(finished.size(), 1);
}

void TestNumberBatch::emptyListFinishesOnce()
{
    NumberBatch batch(
        {}, [](const QString &, QObject *) -> NumberTask * { return nullptr; }, 4);
    QSignalSpy finished(&batch, &NumberBatch::finished);
    batch.start();
    QCOMPARE(finished.size(), 0); // never from inside start()
    QVERIFY(finished.wait(1000));
    drainPostedEvents(); // a second report would be queued by now
    QCOMPARE(finished.size(), 1);
}

void TestNumberBatch::cancelStopsNewWork()
{
    int active = 0, peak = 0, started = 0;
    NumberBatch batch(
        sids(100),
        [&](const QString &sid, QObject *p) {
            ++started;
            return new TimedTask(sid, &active, &peak, p);
        },
        5);
    QSignalSpy finished(&batch, &NumberBatch::finished);
    batch.start();
    QVERIFY(QTest::qWaitFor([&] { return started >= 12; }, 5000));
    batch.cancel();
    const int startedAtCancel = started;
    QVERIFY(finished.wait(5000));
    QCOMPARE(started, startedAtCancel);
    QCOMPARE(active, 0);
    const auto summary = finished.first().at(0).value<RunSummary>();
    QCOMPARE(summary.migrated + summary.cancelled, 100);
    QCOMPARE(batch.notStarted().size(), 100 - startedAtCancel);
    drainPostedEvents(); // a second report would be queued by now
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestNumberBatch)
#include "tst_numberbatch.moc"
