#include "copyfield.h"

#include "copyfeedback.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

CopyField::CopyField(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_value(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
{
    setObjectName(objectName);
    m_value->setObjectName(objectName + QStringLiteral("Value"));
    m_value->setReadOnly(true);
    m_value->setAccessibleName(accessibleName);
    m_copy->setObjectName(objectName + QStringLiteral("Copy"));
    m_copy->setAccessibleName(tr("Copy %1").arg(accessibleName));
    m_copy->setToolTip(tr("Copy to the clipboard"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_copy);

    connect(m_copy, &QPushButton::clicked, this,
            [this] { CopyFeedback::copy(m_copy, m_value->text()); });
}

void CopyField::setValue(const QString &value)
{
    m_value->setText(value);
    m_value->setCursorPosition(0);
}

QString CopyField::value() const
{
    return m_value->text();
}
