#include "trunkdeletionbox.h"

#include "errortext.h"
#include "migrationbackend.h"
#include "numbertablemodel.h"
#include "uilogging.h"
#include "wizardstate.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

TrunkDeletionBox::TrunkDeletionBox(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QGroupBox(tr("Delete the emptied trunk (optional)"), parent)
    , m_backend(backend)
    , m_state(state)
    , m_explanation(new QLabel(this))
    , m_confirmName(new QLineEdit(this))
    , m_endsRevert(new QCheckBox(this))
    , m_delete(new QPushButton(tr("&Delete trunk"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("trunkDeletionBox"));
    m_explanation->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("trunkDeletionExplanation"));
    m_confirmName->setObjectName(QStringLiteral("confirmTrunkNameEdit"));
    m_confirmName->setAccessibleName(tr("Type the trunk's name to confirm"));
    m_endsRevert->setObjectName(QStringLiteral("endsRevertCheck"));
    m_delete->setObjectName(QStringLiteral("deleteTrunkButton"));
    m_result->setObjectName(QStringLiteral("trunkDeletionResult"));
    m_result->setAccessibleName(tr("Trunk deletion result"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setOpenExternalLinks(true);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *nameLabel = new QLabel(tr("T&ype the trunk's name:"), this);
    nameLabel->setBuddy(m_confirmName);
    auto *form = new QFormLayout(this);
    form->addRow(m_explanation);
    form->addRow(nameLabel, m_confirmName);
    form->addRow(QString(), m_endsRevert);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_delete);
    buttonRow->addStretch();
    form->addRow(QString(), buttonRow);
    form->addRow(m_result);

    connect(m_confirmName, &QLineEdit::textChanged, this, &TrunkDeletionBox::updateButton);
    connect(m_endsRevert, &QCheckBox::toggled, this, &TrunkDeletionBox::updateButton);
    connect(m_delete, &QPushButton::clicked, this, &TrunkDeletionBox::deleteTrunk);
}

void TrunkDeletionBox::refresh()
{
    const QString name = m_state->trunk().friendlyName;
    m_explanation->setText(
        trunkIsEmpty()
            ? tr("No number is left on \"%1\". Deleting it cannot be undone; the SIP domain and "
                 "handlers stay.")
                  .arg(name)
            : tr("\"%1\" still holds numbers; migrate them all before deleting it.").arg(name));
    const int revertable = m_state->numbers()->countInState(NumberState::Migrated);
    m_endsRevert->setText(
        tr("I understand that deleting the trunk ends &revert: the %n migrated number(s) can "
           "no longer be put back on it.",
           nullptr, revertable));
    m_endsRevert->setVisible(revertable > 0);
    updateButton();
}

bool TrunkDeletionBox::trunkIsEmpty() const
{
    const NumberTableModel *numbers = m_state->numbers();
    return numbers->countInState(NumberState::Migrated) +
               numbers->countInState(NumberState::NotOnTrunk) ==
           numbers->rowCount();
}

void TrunkDeletionBox::updateButton()
{
    const bool empty = trunkIsEmpty();
    const bool open = empty && !m_deleted && !m_deleting;
    m_confirmName->setEnabled(open);
    m_endsRevert->setEnabled(open);
    const bool revertAcknowledged = m_endsRevert->isHidden() || m_endsRevert->isChecked();
    m_delete->setEnabled(open && revertAcknowledged &&
                         m_confirmName->text() == m_state->trunk().friendlyName);
}

void TrunkDeletionBox::deleteTrunk()
{
    qCInfo(lcUi) << "deleting trunk" << m_state->trunk().sid;
    m_deleting = true;
    m_result->setText(tr("Deleting the trunk…"));
    updateButton();
    DeleteTrunkJob *job = m_backend->deleteTrunk(m_state->trunk().sid);
    job->onFinished(this, [this](const QString &sid) {
        m_deleting = false;
        m_deleted = true;
        m_state->setTrunkDeleted(true);
        m_result->setText(tr("The trunk %1 was deleted.").arg(sid.toHtmlEscaped()));
        updateButton();
        emit trunkDeleted();
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        m_deleting = false;
        m_result->setText(tr("The trunk was not deleted: %1").arg(ErrorText::html(error)));
        updateButton();
    });
}
