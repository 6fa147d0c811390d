#include "deployresultview.h"

#include "copyfield.h"
#include "copylist.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>

DeployResultView::DeployResultView(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_note(new QLabel(this))
{
    setObjectName(objectName);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_note->setObjectName(objectName + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(m_note);
    clear();
}

void DeployResultView::clear()
{
    // Row 0 is the note; everything after it belongs to the previous result.
    while (m_form->rowCount() > 1)
        m_form->removeRow(1);
    setNote({});
    setVisible(false);
}

void DeployResultView::addValue(const QString &key, const QString &label, const QString &value)
{
    auto *field = new CopyField(objectName() + u'-' + key, label, this);
    field->setValue(value);
    m_form->addRow(tr("%1:").arg(label), field);
    setVisible(true);
}

void DeployResultView::addList(const QString &key, const QString &label, const QStringList &values)
{
    auto *list = new CopyList(objectName() + u'-' + key, label, this);
    list->setValues(values);
    auto *caption = new QLabel(tr("%1:").arg(label), this);
    caption->setBuddy(list->list());
    m_form->addRow(caption, list);
    setVisible(true);
}

void DeployResultView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString DeployResultView::note() const
{
    return m_note->text();
}
