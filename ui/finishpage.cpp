#include "finishpage.h"

#include "dialogseam.h"
#include "errortext.h"
#include "migrationbackend.h"
#include "numbercounts.h"
#include "numbertablemodel.h"
#include "trunkdeletionbox.h"
#include "verifypanel.h"
#include "wizardstate.h"

#include <QDateTime>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

FinishPage::FinishPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_counts(new QLabel(this))
    , m_export(new QPushButton(tr("E&xport audit CSV…"), this))
    , m_exportResult(new QLabel(this))
    , m_deletion(new TrunkDeletionBox(backend, state, this))
    , m_verify(new VerifyPanel(backend, QStringLiteral("finishVerify"), this))
{
    setObjectName(QStringLiteral("finishPage"));
    setTitle(tr("Finished"));
    setSubTitle(tr("Where each number stands, and the audit log of every change."));
    m_counts->setObjectName(QStringLiteral("stateCounts"));
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export->setObjectName(QStringLiteral("exportAuditButton"));
    m_exportResult->setObjectName(QStringLiteral("exportResult"));
    m_exportResult->setAccessibleName(tr("Audit export result"));
    m_exportResult->setWordWrap(true);
    m_exportResult->setTextFormat(Qt::RichText);
    m_exportResult->setOpenExternalLinks(true);
    m_exportResult->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *countsBox = new QGroupBox(tr("Numbers"), this);
    auto *countsLayout = new QVBoxLayout(countsBox);
    countsLayout->addWidget(m_counts);
    auto *auditBox = new QGroupBox(tr("Audit log"), this);
    auto *auditLayout = new QHBoxLayout(auditBox);
    auditLayout->addWidget(m_export);
    auditLayout->addWidget(m_exportResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(countsBox);
    layout->addWidget(m_verify);
    layout->addWidget(auditBox);
    layout->addWidget(m_deletion);
    layout->addStretch(1);

    connect(m_export, &QPushButton::clicked, this, &FinishPage::askExportPath);
    connect(m_deletion, &TrunkDeletionBox::trunkDeleted, this, &FinishPage::showTrunkGone);
    connect(m_state->numbers(), &NumberTableModel::stateCountsChanged, this, [this] {
        updateCounts();
        m_deletion->refresh();
    });
}

void FinishPage::initializePage()
{
    updateCounts();
    m_deletion->refresh();
    if (m_deletion->isDeleted())
        showTrunkGone();
    else
        m_verify->setTrunk(m_state->trunk().sid);
}

void FinishPage::showTrunkGone()
{
    m_verify->setUnavailable(tr("The trunk was deleted: there is no trunk route left to compare "
                                "with."));
}

void FinishPage::updateCounts()
{
    m_counts->setText(NumberCounts::summaryLines(m_state->numbers()).join(u'\n'));
}

void FinishPage::askExportPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        tr("trunk-migrator-audit-%1.csv")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm")));
    DialogSeam::saveFileName(this, tr("Export audit CSV"), QDir(folder).filePath(name),
                             tr("CSV files (*.csv)"), this,
                             [this](const QString &path) { exportAudit(path); });
}

void FinishPage::exportAudit(const QString &path)
{
    if (path.isEmpty())
        return;
    m_export->setEnabled(false);
    m_exportResult->setText(tr("Exporting…"));
    ExportJob *job = m_backend->exportAudit(path);
    job->onFinished(this, [this, path](int rows) {
        m_export->setEnabled(true);
        m_exportResult->setText(tr("%n row(s) written to %1.", nullptr, rows)
                                    .arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        m_export->setEnabled(true);
        m_exportResult->setText(
            tr("The audit log was not exported: %1").arg(ErrorText::html(error)));
    });
}
