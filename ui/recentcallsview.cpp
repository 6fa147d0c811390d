#include "recentcallsview.h"

#include "errortext.h"
#include "migrationbackend.h"
#include "testcallpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { Time, Status, Direction, From, To, Duration, CallSid, ColumnCount };
}

RecentCallsView::RecentCallsView(MigrationBackend *backend, const QString &objectName,
                                 QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh calls"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_testCall(new TestCallPanel(backend, objectName + QStringLiteral("TestCall"), this))
{
    setObjectName(objectName);
    m_status->setObjectName(objectName + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_refresh->setObjectName(objectName + QStringLiteral("Refresh"));
    m_refresh->setAccessibleName(tr("Refresh the list of recent calls"));
    m_table->setObjectName(objectName + QStringLiteral("Table"));
    m_table->setAccessibleName(tr("Recent calls"));
    m_table->setHorizontalHeaderLabels({tr("Started"), tr("Status"), tr("Direction"), tr("From"),
                                        tr("To"), tr("Duration (s)"), tr("Call SID")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move inside
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 6);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_testCall);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, this, &RecentCallsView::refresh);
    connect(m_testCall, &TestCallPanel::placed, this, &RecentCallsView::refresh);
    setTarget({});
}

void RecentCallsView::setTarget(const QString &numberOrDomain)
{
    m_target = numberOrDomain;
    if (m_job) // its answer is about the previous target
        disconnect(m_job, nullptr, this, nullptr);
    m_job = nullptr;
    m_table->setRowCount(0);
    m_testCall->setVisible(false);
    m_refresh->setEnabled(!m_target.isEmpty());
    m_status->setText(m_target.isEmpty()
                          ? tr("Calls appear here once the step is deployed.")
                          : tr("Place a test call, then press Refresh to see it on %1.")
                                .arg(m_target.toHtmlEscaped()));
}

void RecentCallsView::offerTestCall(const QString &from, const QString &to,
                                    const QStringList &downHosts)
{
    m_testCall->prepare(from, to, downHosts);
}

void RecentCallsView::refresh()
{
    if (m_target.isEmpty())
        return;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Loading calls on %1…").arg(m_target.toHtmlEscaped()));
    m_job = m_backend->loadRecentCalls(m_target);
    m_job->onFinished(this, [this](const QVector<CallInfo> &calls) { showCalls(calls); });
    connect(m_job, &BackendJob::failed, this, &RecentCallsView::showError);
}

int RecentCallsView::callCount() const
{
    return m_table->rowCount();
}

void RecentCallsView::showCalls(const QVector<CallInfo> &calls)
{
    m_refresh->setEnabled(true);
    m_table->setRowCount(int(calls.size()));
    const QLocale locale;
    for (int row = 0; row < calls.size(); ++row) {
        const CallInfo &call = calls.at(row);
        // A child leg is indented under its parent so the two legs of a call read as a pair.
        const QString sid =
            call.parentCallSid.isEmpty() ? call.sid : QStringLiteral("  ↳ %1").arg(call.sid);
        const QString values[ColumnCount] = {
            locale.toString(call.startTime.toLocalTime(), QLocale::ShortFormat),
            call.status,
            call.direction,
            call.from,
            call.to,
            call.duration,
            sid};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(values[column]));
    }
    m_table->resizeColumnsToContents();
    m_status->setText(calls.isEmpty() ? tr("No calls on %1 yet. Place a test call, then Refresh.")
                                            .arg(m_target.toHtmlEscaped())
                                      : tr("%n call leg(s) on %1.", nullptr, int(calls.size()))
                                            .arg(m_target.toHtmlEscaped()));
}

void RecentCallsView::showError(const OperationError &error)
{
    m_refresh->setEnabled(true);
    m_status->setText(tr("Could not load the calls: %1").arg(ErrorText::html(error)));
}
