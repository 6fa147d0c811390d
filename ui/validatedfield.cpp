#include "validatedfield.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

ValidatedField::ValidatedField(const QString &objectName, const QString &accessibleName,
                               Check check, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_check(std::move(check))
{
    m_edit->setObjectName(objectName);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setClearButtonEnabled(true);
    m_message->setObjectName(objectName + QStringLiteral("Message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setVisible(false);
    setFocusProxy(m_edit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        recheck();
        emit changed();
    });
}

QString ValidatedField::text() const
{
    return m_edit->text().trimmed();
}

void ValidatedField::setText(const QString &text)
{
    m_edit->setText(text);
    recheck();
}

bool ValidatedField::isValid() const
{
    return !isEmpty() && problem().isEmpty();
}

bool ValidatedField::isEmpty() const
{
    return text().isEmpty();
}

QString ValidatedField::problem() const
{
    return isEmpty() ? QString() : m_check(text());
}

void ValidatedField::recheck()
{
    const QString message = problem();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    // Screen readers announce the problem with the field rather than as loose text.
    m_edit->setAccessibleDescription(message);
}
