// tm-real-screenshots: the README's pictures, taken from the real wizard on the real engine and
// its embedded sandbox (250 numbers), driven with clicks from Connect to Finish: both steps
// deployed with their test calls, a migration with the sandbox failing a share of requests,
// Retry, Finish. Run on a real window system (Xvfb, see docs/UI.md); with QT_SCALE_FACTOR=2 the
// files get an "@2x" suffix. Nothing outside a temporary folder is touched.
#include "dialogseam.h"
#include "migrationservice.h"
#include "numbertablemodel.h"
#include "translationloader.h"
#include "wizardharness.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>

namespace {
constexpr int kStepMs = 30000;

class Shooter
{
public:
    Shooter(const QString &folder, const QString &suffix)
        : m_folder(folder)
        , m_suffix(suffix)
    {}

    bool save(QWidget *widget, const QString &name)
    {
        // Layout and paint requests are posted: let them run before the grab.
        QTest::qWait(100);
        const QString path = QDir(m_folder).filePath(name + m_suffix + QStringLiteral(".png"));
        const bool ok = widget->grab().save(path);
        qInfo("%s %s", ok ? "wrote" : "FAILED", qPrintable(path));
        return ok;
    }

private:
    QString m_folder;
    QString m_suffix;
};

bool waitFor(const std::function<bool()> &condition, const char *what)
{
    if (QTest::qWaitFor(condition, kStepMs))
        return true;
    qWarning("timed out waiting for %s", what);
    return false;
}

bool click(WizardHarness &h, const QString &name)
{
    auto *button = h.find<QAbstractButton>(name);
    return button && WizardHarness::clickWhenEnabled(button, kStepMs);
}

bool placeTestCall(WizardHarness &h, const QString &calls)
{
    auto *table = h.find<QTableWidget>(calls + QStringLiteral("Table"));
    return click(h, calls + QStringLiteral("TestCallPlace")) &&
           waitFor([table] { return table->rowCount() >= 2; }, "the test call's legs");
}

bool shootAll(Shooter &shooter)
{
    QTemporaryDir journal;
    MigrationService service;
    service.setJournalPath(journal.filePath(QStringLiteral("journal.sqlite")));
    WizardHarness h(&service);
    h.timeoutMs = kStepMs;
    QWizard *w = h.wizard;
    w->show();

    bool ok = shooter.save(w, QStringLiteral("real-01-connect"));
    ok = h.driveTo(PageId::Trunk) && ok;
    auto *trunks = h.find<QTableWidget>(QStringLiteral("trunkTable"));
    ok = waitFor([trunks] { return trunks->rowCount() > 0; }, "the trunks") && ok;
    trunks->selectRow(0);
    ok = shooter.save(w, QStringLiteral("real-02-trunk")) && ok;

    ok = h.driveTo(PageId::Calls) && ok;
    ok = h.acceptAllChanges() && ok;
    ok = shooter.save(w, QStringLiteral("real-03-calls")) && ok;

    ok = h.driveTo(PageId::Inbound) && ok;
    ok = click(h, QStringLiteral("deployInboundButton")) && ok;
    ok = waitFor([&] { return h.wizard->state()->hasInbound(); }, "step 1") && ok;
    ok = placeTestCall(h, QStringLiteral("inboundCalls")) && ok;
    ok = shooter.save(w, QStringLiteral("real-04-inbound")) && ok;

    ok = h.clickNext() && ok;
    ok = waitFor([&] { return h.currentPage() == PageId::Outbound; }, "step 2's page") && ok;
    ok = click(h, QStringLiteral("deployOutboundButton")) && ok;
    ok = waitFor([&] { return h.wizard->state()->hasOutbound(); }, "step 2") && ok;
    ok = placeTestCall(h, QStringLiteral("outboundCalls")) && ok;
    ok = shooter.save(w, QStringLiteral("real-05-outbound")) && ok;

    ok = h.clickNext() && ok;
    ok = waitFor([&] { return h.currentPage() == PageId::Cutover; }, "step 3") && ok;
    for (const char *name : {"checkPbxTrunk", "checkPbxToPstn", "checkPstnToPbx"})
        WizardHarness::click(h.find<QCheckBox>(QLatin1String(name)));
    ok = shooter.save(w, QStringLiteral("real-06-cutover")) && ok;

    ok = h.driveTo(PageId::Numbers) && ok;
    NumberTableModel *numbers = h.wizard->state()->numbers();
    ok = waitFor([numbers] { return numbers->rowCount() >= 250; }, "the numbers") && ok;

    // Most writes fail (each is tried five times): the run shows Failed rows with Twilio's
    // error, then Retry moves them.
    ok = click(h, QStringLiteral("sandboxFaultsButton")) && ok;
    auto *faults = w->findChild<QDialog *>(QStringLiteral("sandboxFaultsDialog"));
    ok = faults && waitFor([faults] { return faults->isVisible(); }, "the faults panel") && ok;
    if (faults) {
        auto *fail = faults->findChild<QDoubleSpinBox *>(QStringLiteral("writeFailRateSpin"));
        waitFor([fail] { return fail->isEnabled(); }, "the faults read");
        fail->setFocus();
        QTest::keyClick(fail, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(fail, QStringLiteral("70"));
        ok = WizardHarness::clickWhenEnabled(
                 faults->findChild<QPushButton *>(QStringLiteral("applyFaultsButton")), kStepMs) &&
             ok;
        auto *status = faults->findChild<QLabel *>(QStringLiteral("faultsStatus"));
        ok = waitFor([status] { return !status->text().isEmpty(); }, "the faults applied") && ok;
        ok = shooter.save(faults, QStringLiteral("real-07-sandbox-faults")) && ok;
    }
    QList<int> rows;
    for (int row = 0; row < numbers->rowCount() && rows.size() < 40; ++row)
        if (numbers->rowAt(row).state == NumberState::OnTrunk)
            rows.append(row);
    h.tickNumbers(rows);
    ok = click(h, QStringLiteral("migrateButton")) && ok;
    QDialog *plan = nullptr;
    ok = waitFor([&] { return (plan = h.planDialog()) != nullptr; }, "the confirmation") && ok;
    if (plan)
        ok = shooter.save(plan, QStringLiteral("real-07b-confirm")) && ok;
    ok = h.confirmMigration(false) && ok;
    ok = waitFor([&] { return !service.isBusy() && h.nextButton()->isEnabled(); }, "the run") && ok;
    const int failed = numbers->countInState(NumberState::Failed);
    qInfo("migrated %d, failed %d", numbers->countInState(NumberState::Migrated), failed);
    auto *table = h.find<QTableView>(QStringLiteral("numbersTable"));
    for (int row = 0; row < numbers->rowCount(); ++row) {
        if (numbers->rowAt(row).state == NumberState::Failed) {
            table->selectRow(row);
            table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
            break;
        }
    }
    ok = shooter.save(w, QStringLiteral("real-08-numbers-failed")) && ok;

    if (faults) {
        ok = WizardHarness::clickWhenEnabled(
                 faults->findChild<QPushButton *>(QStringLiteral("clearFaultsButton")), kStepMs) &&
             ok;
        faults->hide();
    }
    if (failed > 0) {
        ok = click(h, QStringLiteral("retryFailedButton")) && ok;
        ok = h.confirmMigration(false) && ok;
        ok = waitFor(
                 [&] {
                     return numbers->countInState(NumberState::Failed) == 0 && !service.isBusy() &&
                            h.nextButton()->isEnabled();
                 },
                 "the retry") &&
             ok;
    }
    ok = shooter.save(w, QStringLiteral("real-08b-numbers-retried")) && ok;

    ok = h.driveTo(PageId::Finish) && ok;
    ok = shooter.save(w, QStringLiteral("real-09-finish")) && ok;
    return ok;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TranslationLoader::installEnglishPlurals(&app); // as the wizard's main() does
    // The engine's journal, settings and the keychain stay out of the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Saves a PNG of each page of the real wizard on the embedded sandbox."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("screenshots"),
                                 QStringLiteral("Folder to write the PNG files to."),
                                 QStringLiteral("DIR"), QStringLiteral("."));
    parser.addOption(out);
    parser.process(app);

    const QString folder = parser.value(out);
    QDir().mkpath(folder);
    const qreal ratio = app.devicePixelRatio();
    Shooter shooter(folder, ratio > 1 ? QStringLiteral("@%1x").arg(ratio) : QString());
    return shootAll(shooter) ? 0 : 1;
}
