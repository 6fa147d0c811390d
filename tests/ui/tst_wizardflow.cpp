// The whole wizard on the real engine and its embedded sandbox, with clicks and keys, from
// Connect to Finish: accept the changes to how calls behave, deploy both steps, migrate some
// numbers, revert one, export the audit CSV and read its rows back.
#include "auditrecord.h"
#include "dialogseam.h"
#include "migrationservice.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>

namespace {
constexpr int kStepTimeoutMs = 20000;

// RFC 4180: quoted fields, doubled quotes, CRLF records.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}
} // namespace

class TestWizardFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The engine's journal goes under the user's data folder: keep it out of the real one.
        QStandardPaths::setTestModeEnabled(true);
    }

    void connectToFinishOnTheSandbox()
    {
        DialogSeam::clear();
        // A journal of its own: the embedded sandbox starts empty on every run, and so must it.
        QTemporaryDir journal;
        MigrationService service;
        service.setJournalPath(journal.filePath(QStringLiteral("journal.sqlite")));
        WizardHarness h(&service);
        h.timeoutMs = kStepTimeoutMs;

        // Connect (sandbox is the first-run default), trunk, the Calls page with the engine's
        // report (every change accepted, or step 4 would not migrate), steps 1-3.
        QVERIFY(h.driveTo(PageId::Calls));
        QVERIFY(h.acceptAllChanges());
        QVERIFY(!h.wizard->state()->equivalence().items.isEmpty());
        QVERIFY(h.wizard->state()->unacknowledged().isEmpty());
        QVERIFY(h.driveTo(PageId::Outbound));
        QVERIFY(!h.wizard->state()->inbound().domainName.isEmpty());
        QVERIFY(h.driveTo(PageId::Numbers));
        QVERIFY(!h.wizard->state()->outbound().handlerUrl.isEmpty());

        NumberTableModel *numbers = h.wizard->state()->numbers();
        QTRY_VERIFY_WITH_TIMEOUT(numbers->rowCount() >= 3, kStepTimeoutMs);
        const int total = numbers->rowCount();
        // The test number of step 2 may already count as migrated; pick three others.
        QStringList chosen;
        for (int row = 0; row < total && chosen.size() < 3; ++row) {
            if (numbers->rowAt(row).state == NumberState::OnTrunk)
                chosen.append(numbers->rowAt(row).sid);
        }
        QCOMPARE(chosen.size(), 3);
        for (const QString &sid : chosen)
            numbers->setChecked(sid, true);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &sid : chosen) {
                    if (numbers->rowAt(numbers->rowOfSid(sid)).state != NumberState::Migrated)
                        return false;
                }
                return h.nextButton()->isEnabled();
            }(),
            kStepTimeoutMs);

        // Revert the first one through the button and its confirmation.
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        const QModelIndex source = numbers->index(numbers->rowOfSid(chosen.first()), 0);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        view->selectRow(proxy->mapFromSource(source).row());
        DialogSeam::setNextChoice(0);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("revertButton")));
        QTRY_COMPARE_WITH_TIMEOUT(numbers->rowAt(numbers->rowOfSid(chosen.first())).state,
                                  NumberState::Reverted, kStepTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(h.nextButton()->isEnabled(), kStepTimeoutMs);

        // Finish: export the audit CSV through the file dialog seam and read it back.
        QVERIFY(h.driveTo(PageId::Finish));
        const QString counts = h.find<QLabel>(QStringLiteral("stateCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("Reverted: 1")), qPrintable(counts));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        DialogSeam::setNextFileName(path);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("exportAuditButton")));
        QTRY_VERIFY_WITH_TIMEOUT(h.find<QLabel>(QStringLiteral("exportResult"))
                                     ->text()
                                     .contains(QStringLiteral("written")),
                                 kStepTimeoutMs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first(), AuditRecord::columnNames());
        const int numberSidColumn =
            int(AuditRecord::columnNames().indexOf(QStringLiteral("number_sid")));
        const int actionColumn = int(AuditRecord::columnNames().indexOf(QStringLiteral("action")));
        const int outcomeColumn =
            int(AuditRecord::columnNames().indexOf(QStringLiteral("outcome")));
        for (const QString &sid : chosen) {
            QStringList actions;
            for (const QStringList &row : rows) {
                QCOMPARE(row.size(), AuditRecord::columnNames().size());
                if (row.at(numberSidColumn) == sid &&
                    row.at(outcomeColumn) == QStringLiteral("success"))
                    actions.append(row.at(actionColumn));
            }
            QVERIFY2(actions.contains(QStringLiteral("set_voice_url")), qPrintable(sid));
            QVERIFY2(actions.contains(QStringLiteral("remove_from_trunk")), qPrintable(sid));
            // The reverted number has its revert recorded too.
            if (sid == chosen.first())
                QVERIFY2(actions.size() > 2, qPrintable(actions.join(u',')));
        }
    }
};

QTEST_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
