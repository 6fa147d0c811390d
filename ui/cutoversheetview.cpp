#include "cutoversheetview.h"

#include "copyfeedback.h"

#include "copyfield.h"
#include "copylist.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QString namedSids(const QVector<NamedSid> &items, const QString &none)
{
    QStringList lines;
    for (const NamedSid &item : items) {
        lines.append(item.friendlyName.isEmpty()
                         ? item.sid
                         : QStringLiteral("%1 (%2)").arg(item.friendlyName, item.sid));
    }
    return lines.isEmpty() ? none : lines.join(u'\n');
}
} // namespace

CutoverSheetView::CutoverSheetView(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_copyAll(new QPushButton(tr("Copy the &whole sheet"), this))
{
    setObjectName(QStringLiteral("cutoverSheet"));
    m_copyAll->setObjectName(QStringLiteral("copySheetButton"));
    m_copyAll->setAccessibleName(tr("Copy the whole cut-over sheet"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_copyAll, 0, Qt::AlignLeft);
    connect(m_copyAll, &QPushButton::clicked, this,
            [this] { CopyFeedback::copy(m_copyAll, m_sheet.asText()); });
}

void CutoverSheetView::setSheet(const CutoverSheet &sheet)
{
    m_sheet = sheet;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);

    if (!sheet.sipUris.isEmpty()) {
        auto *field = new CopyField(QStringLiteral("sheetUri"), tr("SIP URI"), this);
        field->setValue(sheet.sipUris.constFirst());
        m_form->addRow(tr("SIP URI:"), field);
    }
    if (sheet.sipUris.size() > 1) {
        // The edge variants: a compact list, so eight of them do not push the checklist away.
        auto *edges = new CopyList(QStringLiteral("sheetEdgeUris"), tr("Edge variants"), this);
        edges->setValues(sheet.sipUris.mid(1));
        auto *caption = new QLabel(tr("Edge variants:"), this);
        caption->setBuddy(edges->list());
        m_form->addRow(caption, edges);
    }
    addText(tr("Port and transport"),
            sheet.tlsRequired
                ? tr("%1, TLS required").arg(sheet.tlsPort)
                : tr("%1 (UDP or TCP), or %2 with TLS").arg(sheet.port).arg(sheet.tlsPort),
            QStringLiteral("sheetPort"));
    addText(tr("Media"),
            sheet.srtpRequired ? tr("SRTP required: the PBX must encrypt media")
                               : tr("RTP; SRTP not required"),
            QStringLiteral("sheetMedia"));
    addText(tr("IP access control lists"),
            namedSids(sheet.ipAccessControlLists, tr("None: no IP address is allowed")),
            QStringLiteral("sheetIpAcls"));
    addText(tr("Credential lists"),
            namedSids(sheet.credentialLists, tr("None: the PBX does not authenticate")),
            QStringLiteral("sheetCredentials"));
}

void CutoverSheetView::addText(const QString &label, const QString &text, const QString &objectName)
{
    auto *value = new QLabel(text, this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(label);
    m_form->addRow(tr("%1:").arg(label), value);
}
