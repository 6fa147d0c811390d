#include "testcallpanel.h"

#include "errortext.h"
#include "migrationbackend.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

TestCallPanel::TestCallPanel(MigrationBackend *backend, const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_place(new QPushButton(tr("Place a test &call"), this))
    , m_hostDown(new QCheckBox(this))
    , m_handlersFail(new QCheckBox(tr("The handlers fail (a handler &error)"), this))
    , m_route(new QLabel(this))
{
    setObjectName(objectName);
    m_from->setObjectName(objectName + QStringLiteral("From"));
    m_from->setAccessibleName(tr("Test call from"));
    m_to->setObjectName(objectName + QStringLiteral("To"));
    m_to->setAccessibleName(tr("Test call to"));
    m_place->setObjectName(objectName + QStringLiteral("Place"));
    m_hostDown->setObjectName(objectName + QStringLiteral("HostDown"));
    m_handlersFail->setObjectName(objectName + QStringLiteral("HandlersFail"));
    m_route->setObjectName(objectName + QStringLiteral("Route"));
    m_route->setWordWrap(true);
    m_route->setTextFormat(Qt::RichText);
    m_route->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *fromLabel = new QLabel(tr("Fr&om:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("Dia&lled:"), this);
    toLabel->setBuddy(m_to);
    auto *row = new QHBoxLayout;
    row->addWidget(fromLabel);
    row->addWidget(m_from, 1);
    row->addWidget(toLabel);
    row->addWidget(m_to, 1);
    row->addWidget(m_place);
    auto *faults = new QHBoxLayout;
    faults->addWidget(new QLabel(tr("Sandbox faults:"), this));
    faults->addWidget(m_hostDown);
    faults->addWidget(m_handlersFail);
    faults->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(faults);
    layout->addWidget(m_route);

    connect(m_place, &QPushButton::clicked, this, &TestCallPanel::place);
    connect(m_from, &QLineEdit::returnPressed, this, &TestCallPanel::place);
    connect(m_to, &QLineEdit::returnPressed, this, &TestCallPanel::place);
    connect(m_hostDown, &QCheckBox::toggled, this, &TestCallPanel::applyFaults);
    connect(m_handlersFail, &QCheckBox::toggled, this, &TestCallPanel::applyFaults);
    connect(m_backend, &MigrationBackend::busyChanged, this, [this] { setBusy(m_busy); });
    setVisible(false);
}

void TestCallPanel::prepare(const QString &from, const QString &to, const QStringList &downHosts)
{
    setVisible(m_backend->canPlaceTestCalls());
    m_from->setText(from);
    m_to->setText(to);
    m_downHosts = downHosts;
    m_hostDown->setText(tr("No &answer from %1").arg(downHosts.join(tr(" and "))));
    m_hostDown->setVisible(!downHosts.isEmpty());
    showFaults();
    m_route->setText(tr("A test call on the sandbox goes the way Twilio would route it: through "
                        "what is deployed now."));
}

void TestCallPanel::showFaults()
{
    // The faults are the sandbox's, shared with the other page: show them as they are.
    const TestCallFaults faults = m_backend->testCallFaults();
    const QSignalBlocker blockDown(m_hostDown);
    const QSignalBlocker blockHandlers(m_handlersFail);
    bool down = !m_downHosts.isEmpty();
    for (const QString &host : m_downHosts)
        down = down && faults.downHosts.contains(host);
    m_hostDown->setChecked(down);
    m_handlersFail->setChecked(faults.handlersFail);
}

QString TestCallPanel::routeText() const
{
    return m_route->text();
}

void TestCallPanel::setBusy(bool busy)
{
    m_busy = busy;
    // One operation at a time: while anything else runs (a refresh, a verify) nothing starts.
    const bool enabled = !m_busy && !m_backend->isBusy();
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_from, m_to, m_place, m_hostDown, m_handlersFail})
        w->setEnabled(enabled);
}

void TestCallPanel::place()
{
    if (!m_place->isEnabled())
        return;
    setBusy(true);
    m_route->setText(tr("Placing a test call…"));
    TestCallJob *job = m_backend->placeTestCall(m_from->text(), m_to->text());
    job->onFinished(this, [this](const TestCallResult &result) {
        setBusy(false);
        QStringList lines;
        for (const QString &step : result.route)
            lines.append(step.toHtmlEscaped());
        m_route->setText(tr("%n leg(s) recorded. Route: %1", nullptr, int(result.legs.size()))
                             .arg(lines.join(QStringLiteral(" → "))));
        emit placed();
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        setBusy(false);
        m_route->setText(tr("The test call was not placed: %1").arg(ErrorText::html(error)));
    });
}

void TestCallPanel::applyFaults()
{
    TestCallFaults faults;
    if (m_hostDown->isChecked())
        faults.downHosts = m_downHosts;
    faults.handlersFail = m_handlersFail->isChecked();
    setBusy(true);
    TestCallFaultsJob *job = m_backend->setTestCallFaults(faults);
    job->onFinished(this, [this](const TestCallFaults &set) {
        setBusy(false);
        m_route->setText(set.downHosts.isEmpty() && !set.handlersFail
                             ? tr("No fault: every target answers and the handlers run.")
                             : tr("Faults on: the next test call shows what happens."));
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        setBusy(false);
        showFaults(); // unchanged: the boxes say so again
        m_route->setText(tr("The faults were not changed: %1").arg(ErrorText::html(error)));
    });
}
