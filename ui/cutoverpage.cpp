#include "cutoverpage.h"

#include "cutoversheetview.h"
#include "migrationbackend.h"
#include "pagescroll.h"
#include "wizardstate.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QVBoxLayout>

CutoverPage::CutoverPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_sheet(new CutoverSheetView(this))
{
    setObjectName(QStringLiteral("cutoverPage"));
    setTitle(tr("Step 3: point the PBX at the SIP domain"));
    setSubTitle(tr("Give this sheet to whoever manages the PBX, then tick each check once it "
                   "has been done."));

    auto *sheetBox = new QGroupBox(tr("Cut-over sheet"), this);
    auto *sheetLayout = new QVBoxLayout(sheetBox);
    sheetLayout->addWidget(m_sheet);

    auto *checkBox = new QGroupBox(tr("Before moving the numbers"), this);
    auto *checkLayout = new QVBoxLayout(checkBox);
    const QList<QPair<QString, QString>> items = {
        {QStringLiteral("checkPbxTrunk"),
         tr("The PBX's &outbound trunk now points at the SIP domain")},
        {QStringLiteral("checkPbxToPstn"),
         tr("A test call from the PBX reached the &phone network")},
        {QStringLiteral("checkPstnToPbx"), tr("A test call to the &test number reached the PBX")},
    };
    for (const auto &item : items) {
        auto *check = new QCheckBox(item.second, checkBox);
        check->setObjectName(item.first);
        checkLayout->addWidget(check);
        m_checklist.append(check);
        connect(check, &QCheckBox::toggled, this, &CutoverPage::completeChanged);
    }

    QVBoxLayout *layout = PageScroll::install(this);
    layout->addWidget(sheetBox);
    layout->addWidget(checkBox);
    layout->addStretch(1);
}

void CutoverPage::initializePage()
{
    m_sheet->setSheet(m_backend->cutoverSheet());
    const QString number = m_state->outbound().testPhoneNumber;
    m_checklist.last()->setText(
        number.isEmpty() ? tr("A test call to the &test number reached the PBX")
                         : tr("A test call to the &test number (%1) reached the PBX").arg(number));
}

bool CutoverPage::isComplete() const
{
    for (const QCheckBox *check : m_checklist) {
        if (!check->isChecked())
            return false;
    }
    return true;
}
