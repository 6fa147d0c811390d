// Benchmark of the step-4 table at 100,000 rows: the operations a user triggers with one
// keystroke or click must each stay well under 100 ms. Figures and command: docs/bench/models.md.
//
// Each slot times only the operation itself plus the proxy's next rowCount() (the proxy may
// rebuild its mapping lazily, and a view asks at once): QElapsedTimer around it, the median of
// kRuns runs reported through QTest::setBenchmarkResult, with any set-up needed between runs
// (for example unchecking before timing "select all" again) left out of the figure. The proxy is
// sorted by number throughout, as the table is by default, so filtering includes re-sorting.
#include "numberfilterproxymodel.h"
#include "numberfixture.h"
#include "numbertablemodel.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <ctime>

namespace {
constexpr int kRows = 100000;
constexpr int kRuns = 7;

// CPU time of this thread: unlike wall time it barely moves when other processes load the
// machine, so both are reported.
qint64 threadCpuNanos()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double medianMs(QVector<qint64> nanos)
{
    std::sort(nanos.begin(), nanos.end());
    return nanos.at(nanos.size() / 2) / 1e6;
}
} // namespace

class BenchNumberModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void setRows();
    void filterBySubstring();
    void clearFilter();
    void sortByNumber();
    void sortByState();
    void selectAll();
    void selectAllFiltered();

private:
    // Runs `prepare` (untimed) then `measure` (timed) kRuns times; reports the medians.
    template<typename Prepare, typename Measure> void timeIt(Prepare prepare, Measure measure);

    QVector<NumberInfo> m_rows;
    NumberTableModel m_model;
    NumberFilterProxyModel m_proxy;
};

template<typename Prepare, typename Measure>
void BenchNumberModels::timeIt(Prepare prepare, Measure measure)
{
    QVector<qint64> wall;
    QVector<qint64> cpu;
    for (int i = 0; i < kRuns; ++i) {
        prepare(i);
        QElapsedTimer timer;
        const qint64 cpuStart = threadCpuNanos();
        timer.start();
        measure(i);
        // The proxy may rebuild its mapping lazily; a view asks for the row count at once.
        m_proxy.rowCount();
        wall.append(timer.nsecsElapsed());
        cpu.append(threadCpuNanos() - cpuStart);
    }
    qInfo("%s: median of %d runs: wall %.1f ms, thread CPU %.1f ms", QTest::currentTestFunction(),
          kRuns, medianMs(wall), medianMs(cpu));
    QTest::setBenchmarkResult(medianMs(wall), QTest::WalltimeMilliseconds);
}

void BenchNumberModels::initTestCase()
{
    m_rows = NumberFixture::makeRows(kRows);
    m_proxy.setSourceModel(&m_model);
    m_model.setRows(m_rows);
    m_proxy.sort(NumberTableModel::Number);
    QCOMPARE(m_proxy.rowCount(), kRows);
}

void BenchNumberModels::setRows()
{
    // Includes the sorted proxy rebuilding its mapping after the reset, as a view would see it.
    timeIt([](int) {}, [this](int) { m_model.setRows(m_rows); });
    QCOMPARE(m_proxy.rowCount(), kRows);
}

void BenchNumberModels::filterBySubstring()
{
    // Two needles in turn so that every run filters from the full table.
    timeIt([this](int) { m_proxy.setSearchText(QString()); },
           [this](int i) {
               m_proxy.setSearchText(i % 2 ? QStringLiteral("line 12") : QStringLiteral("desk 45"));
           });
    QVERIFY(m_proxy.rowCount() > 0);
    QVERIFY(m_proxy.rowCount() < kRows);
}

void BenchNumberModels::clearFilter()
{
    timeIt([this](int) { m_proxy.setSearchText(QStringLiteral("line 12")); },
           [this](int) { m_proxy.setSearchText(QString()); });
    QCOMPARE(m_proxy.rowCount(), kRows);
}

void BenchNumberModels::sortByNumber()
{
    timeIt([this](int) { m_proxy.sort(NumberTableModel::Sid); },
           [this](int) { m_proxy.sort(NumberTableModel::Number); });
}

void BenchNumberModels::sortByState()
{
    timeIt([this](int) { m_proxy.sort(NumberTableModel::Number); },
           [this](int) { m_proxy.sort(NumberTableModel::State); });
    m_proxy.sort(NumberTableModel::Number);
}

void BenchNumberModels::selectAll()
{
    timeIt([this](int) { m_model.setAllChecked(false); },
           [this](int) { m_proxy.setAllAcceptedChecked(true); });
    QCOMPARE(m_model.checkedCount(), kRows);
}

void BenchNumberModels::selectAllFiltered()
{
    m_proxy.setSearchText(QStringLiteral("sales")); // half the rows
    timeIt([this](int) { m_model.setAllChecked(false); },
           [this](int) { m_proxy.setAllAcceptedChecked(true); });
    QCOMPARE(m_model.checkedCount(), kRows / 2);
    m_proxy.setSearchText(QString());
}

QTEST_GUILESS_MAIN(BenchNumberModels)
#include "bench_numbermodels.moc"
